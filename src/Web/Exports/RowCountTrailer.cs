using System.Globalization;

namespace AleppoDashboard.Web.Exports;

/// <summary>
/// A CSV export is streamed (HTTP/1.1 chunked), so its length is not known when it starts and no Content-Length can
/// tell a short download from a whole one. The end is marked twice: the terminating zero-length chunk, which a
/// server that dies mid-export never sends (clients report the response as incomplete: curl exits with 18), and the
/// trailer <c>X-Row-Count</c> after it, the number of data rows sent (the header row not counted). A download is
/// complete when the trailer is there and equals its number of rows. README "Reliability" says how to check it.
/// </summary>
public static class RowCountTrailer
{
    public const string Name = "X-Row-Count";

    /// <summary>Announces the trailer in the headers (<c>Trailer: X-Row-Count</c>), as RFC 9110 asks.</summary>
    public static void Declare(HttpResponse response)
    {
        if (response.SupportsTrailers()) response.DeclareTrailer(Name);
    }

    /// <summary>Sets the trailer; Kestrel sends it after the last chunk when the response ends.</summary>
    public static void Append(HttpResponse response, long rows)
    {
        if (response.SupportsTrailers()) response.AppendTrailer(Name, rows.ToString(CultureInfo.InvariantCulture));
    }
}
