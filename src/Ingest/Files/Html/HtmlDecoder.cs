using System.Text;
using AngleSharp.Html.Parser;

namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Turns a saved page's bytes into text, choosing the encoding as a browser does for a file without HTTP headers:
/// a byte order mark first, then a <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c> in the
/// page's head, then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (with a warning).
/// </summary>
public static class HtmlDecoder
{
    /// <summary>How far into the file a charset declaration is looked for (browsers look at 1,024 bytes; saved pages often carry more before it).</summary>
    const int PrescanBytes = 16 * 1024;

    static HtmlDecoder()
    {
        // Windows-1256 (Arabic), Windows-1251, ISO-8859-6 and the other legacy code pages are not in .NET's default set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);

        var declared = DeclaredCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is not null)
        {
            var encoding = EncodingFor(declared);
            if (encoding is null)
            {
                warnings.Add($"The page declares the unknown charset '{OneLineText.Of(declared)}'; it was read as UTF-8.");
            }
            else if (encoding.CodePage != Encoding.UTF8.CodePage)
            {
                return encoding.GetString(bytes);
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            if (declared is null) warnings.Add("The page declares no charset and is not valid UTF-8; it was read as Windows-1252.");
            else warnings.Add($"The page declares {declared} but is not valid UTF-8; it was read as Windows-1252.");
            return EncodingFor("windows-1252")!.GetString(bytes);
        }
    }

    /// <summary>
    /// The charset the page's head declares. The first bytes are read as Latin-1 (one character a byte, so every
    /// ASCII-compatible encoding reads the same there) and parsed as HTML; the first meta element with a charset wins.
    /// </summary>
    static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        var document = new HtmlParser().ParseDocument(Encoding.Latin1.GetString(head));
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            if (meta.GetAttribute("charset") is { } charset && charset.Trim().Length > 0) return charset.Trim();
            if (string.Equals(meta.GetAttribute("http-equiv")?.Trim(), "content-type", StringComparison.OrdinalIgnoreCase)
                && meta.GetAttribute("content") is { } content && CharsetParameter(content) is { } fromContent)
            {
                return fromContent;
            }
        }
        return null;
    }

    /// <summary>The <c>charset=</c> parameter of a content type such as <c>text/html; charset=windows-1256</c>.</summary>
    internal static string? CharsetParameter(string contentType)
    {
        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("charset", StringComparison.OrdinalIgnoreCase) && pair[1].Trim('"', '\'') is { Length: > 0 } value)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The encoding for a charset label; as browsers do, Latin-1 and ASCII labels mean Windows-1252.</summary>
    static Encoding? EncodingFor(string label)
    {
        var name = label.Trim().ToLowerInvariant() switch
        {
            "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "l1" => "windows-1252",
            "utf8" => "utf-8",
            var other => other,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
