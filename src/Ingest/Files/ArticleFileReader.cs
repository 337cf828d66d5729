using System.Text;

namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// Reads one article file into a headline and a body, or rejects it with a one-line reason.
/// Accepted: UTF-8 (with or without BOM) and UTF-16 with a BOM. Rejected: empty, whitespace-only,
/// binary, non-UTF-8, HTML pages, and files over <see cref="MaxBytes"/>.
/// </summary>
public sealed class ArticleFileReader(long maxBytes = ArticleFileReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;
    public const int MaxHeadlineLength = 400;

    public long MaxBytes { get; } = maxBytes;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public LoadedText Read(string path) => Parse(ReadBytes(path));

    /// <summary>The file's bytes, or a rejection when it is over <see cref="MaxBytes"/> or cannot be read.</summary>
    public byte[] ReadBytes(string path)
    {
        byte[] bytes;
        try
        {
            // One open for the size check and the read (on this machine a file system call costs ~10 µs).
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                throw new FileRejectedException($"too large ({length / 1024.0 / 1024.0:0.#} MB; the limit is {MaxBytes / 1024.0 / 1024.0:0.#} MB, setting Ingest:MaxFileBytes).");
            }
            bytes = new byte[length];
            for (var read = 0; read < bytes.Length;)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) throw new EndOfStreamException(); // shortened while read
                read += n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileRejectedException($"cannot be read: {e.Message}");
        }
        return bytes;
    }

    public static LoadedText Parse(byte[] bytes)
    {
        var warnings = new List<string>();
        var text = Decode(bytes, warnings);
        text = text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FileRejectedException("has no text (only whitespace).");
        }
        if (LooksLikeHtml(text))
        {
            throw new FileRejectedException("is an HTML page, not article text; name it .html to load it as a saved web page.");
        }
        if (HasControlCharacter(text))
        {
            throw new FileRejectedException("contains control characters; it looks binary, not text.");
        }
        // Split in place: a trimmed copy of the whole text first would be one more copy of every article.
        var (headline, body) = SplitHeadline(text, warnings);
        return new LoadedText(headline, body, text, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), warnings);
    }

    static string Decode(byte[] bytes, List<string> warnings)
    {
        if (bytes.Length == 0)
        {
            throw new FileRejectedException("is empty (0 bytes).");
        }
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            warnings.Add("Decoded from UTF-16 (byte order mark); UTF-8 is preferred.");
            var utf16 = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true);
            return DecodeStrict(utf16, bytes.AsSpan(2), "UTF-16");
        }
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            var kind = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "a PNG image" : "binary data";
            throw new FileRejectedException($"is {kind} (contains NUL bytes), not text.");
        }
        var body = bytes.AsSpan();
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }
        return DecodeStrict(StrictUtf8, body, "UTF-8");
    }

    static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var legacy = name == "UTF-8" ? "; it is probably in an older encoding such as Windows-1256 (Arabic) or Latin-1" : "";
            throw new FileRejectedException($"is not valid {name} (bad byte at offset {e.Index}){legacy}: save it as UTF-8.");
        }
    }

    static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\t')) return true;
        }
        return false;
    }

    /// <summary>
    /// An HTML page, not article text: it starts with a tag, a doctype or a comment (browsers' "save as" adds
    /// <c>&lt;!-- saved from url=… --&gt;</c>), and its first kilobytes hold a doctype or an html, head or body tag.
    /// </summary>
    static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || start[0] != '<')
        {
            return false;
        }
        var head = start[..Math.Min(start.Length, 4096)];
        return head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The headline is the first non-empty line, unless that line is scraped site navigation (menu links run
    /// together, such as "Latest developmentsMiddle EastOthersWorld News"): then the next line is the headline
    /// and the skipped line is kept in a warning. An over-long first line is body text, not a headline.
    /// </summary>
    /// <remarks>
    /// <paramref name="text"/> is not trimmed: blank lines before the headline are skipped, the headline is trimmed, and
    /// the body is cut from the text and trimmed once (as a span, so the body is the only copy made).
    /// </remarks>
    static (string Headline, string Body) SplitHeadline(string text, List<string> warnings)
    {
        // Lines are found by offset (a line ends at '\n' or the end of the text) instead of splitting the whole text.
        var at = 0;
        for (var skipped = 0; skipped < 2; skipped++)
        {
            var next = NextNonEmpty(text, at);
            if (next < 0) break;
            var end = LineEnd(text, next);
            var line = text.AsSpan(next, end - next);
            if (NextNonEmpty(text, end + 1) < 0 || !NavigationText.IsMatch(line) || RunTogetherWords(line) < 2) break;
            warnings.Add($"The first line \"{line.Trim()}\" looks like site navigation (words run together), so the next line is taken as the headline.");
            at = end + 1;
        }
        var first = NextNonEmpty(text, at);
        var firstEnd = LineEnd(text, first);
        var headline = text.AsSpan(first, firstEnd - first).Trim().ToString();
        var rest = firstEnd < text.Length ? text.AsSpan(firstEnd + 1).Trim().ToString() : "";
        if (headline.Length > MaxHeadlineLength)
        {
            warnings.Add($"The first line is {headline.Length:N0} characters long, too long for a headline; the whole text is kept as body.");
            var cut = headline.LastIndexOf(' ', 120) is var space and > 40 ? space : 120;
            return (headline[..cut].TrimEnd() + " …", text.AsSpan(first).Trim().ToString());
        }
        if (rest.Length == 0)
        {
            warnings.Add("The file has a headline but no body.");
        }
        return (headline, rest);
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends: its '\n' or the end of the text.</summary>
    static int LineEnd(string text, int start) => text.IndexOf('\n', start) is var end and >= 0 ? end : text.Length;

    /// <summary>The start of the first line at or after offset <paramref name="from"/> (a line start) that is not blank, or -1.</summary>
    static int NextNonEmpty(string text, int from)
    {
        while (from < text.Length)
        {
            var end = LineEnd(text, from);
            if (!text.AsSpan(from, end - from).IsWhiteSpace()) return from;
            from = end + 1;
        }
        return -1;
    }

    /// <summary>Places where a word of three or more lower-case letters runs straight into a capital ("developmentsMiddle").</summary>
    static int RunTogetherWords(ReadOnlySpan<char> line) => RunTogether.Count(line);

    static readonly System.Text.RegularExpressions.Regex RunTogether = new(@"\p{Ll}{3}\p{Lu}", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A navigation line has no sentence punctuation.</summary>
    static readonly System.Text.RegularExpressions.Regex NavigationText = new(@"^[^.!?:;,]+$", System.Text.RegularExpressions.RegexOptions.Compiled);
}
