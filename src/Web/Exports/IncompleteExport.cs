namespace AleppoDashboard.Web.Exports;

/// <summary>
/// How a streamed CSV export tells a short download from a whole one. The export is sent with HTTP/1.1 chunked
/// transfer coding (its length is not known when it starts, so there is no Content-Length), and the response is
/// complete only when the terminating zero-length chunk arrives. A web process killed mid-export never sends it, and
/// an export that fails midway aborts the connection (<see cref="Abort"/>) rather than ending the response cleanly,
/// so in both cases clients see an incomplete response: curl exits with code 18 ("transfer closed with outstanding
/// read data remaining"), .NET's HttpClient throws, browsers mark the download failed. (Kestrel sends no trailers over
/// HTTP/1.1, so a row-count trailer would not reach an HTTP/1.1 client; a Content-Length would need the whole export
/// before its first byte.) README "Reliability" says how to check a download.
/// </summary>
public static class IncompleteExport
{
    /// <summary>
    /// An export that failed after its first bytes were sent: the connection is cut so that the client cannot take
    /// the rows it got for the whole export (Kestrel would otherwise be free to end the chunked body cleanly).
    /// </summary>
    public static void Abort(HttpContext context)
    {
        if (context.Response.HasStarted) context.Abort();
    }
}
