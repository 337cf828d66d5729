using System.Text;
using CsCheck;

namespace AleppoDashboard.Fuzzing;

/// <summary>
/// Generators of inputs for the readers. Pure random bytes rarely get past a reader's first check, so most inputs are
/// built from fragments of the format (tags, quotes, separators, dates, names) mixed with random text and odd
/// characters (controls, bidi marks, surrogates, BOMs), then encoded in one of several ways and sometimes cut short.
/// </summary>
public static class Inputs
{
    /// <summary>Characters that break naive code: controls, NUL, BOM, bidi overrides, lone surrogates, combining marks, Arabic.</summary>
    static readonly Gen<string> OddCharacter = Gen.OneOf(
        Gen.Char.Select(c => c.ToString()),
        Gen.OneOf<string>("\0", "\u0001", "\u001b", "\t", "\r", "\r\n", "\n", "\u2028", "\u00a0", "\ufeff", "\u202e", "\u200f", "\ud800", "\udc00",
            "\u0301", "\ufffd", "\u0663", "٪", "ال", "حلب", "\U0001F600", "\"", "'", "\\", "&", "&amp;", "&#0;", "&#x110000;", "%", "%00", "*", "—", "–"));

    static readonly Gen<string> Word = Gen.OneOf(
        Gen.Char['a', 'z'].Array[1, 12].Select(a => new string(a)),
        Gen.OneOf<string>("Aleppo", "east Aleppo", "Hanano", "Sakhour", "Bustan al-Qasr", "government forces", "rebels", "took control of", "captured",
            "said", "according to", "Reuters", "AFP", "SANA", "Tasnim", "BEIRUT", "DAMASCUS", "(Reuters) -", "By", "Published", "Updated",
            "2016-12-13", "13 December 2016", "Dec. 13, 2016", "Tuesday", "90%", "90 percent", "OR", "NEAR", "AND", "NOT"));

    static Gen<string> Join(Gen<string> part, int min, int max, string separator = "") =>
        part.Array[min, max].Select(parts => string.Join(separator, parts));

    /// <summary>Text: words, spaces, line and paragraph breaks and odd characters, up to a few thousand characters.</summary>
    public static readonly Gen<string> Text = Join(Gen.Frequency(
        (10, Word), (6, Gen.Const(" ")), (2, Gen.Const("\n")), (2, Gen.Const("\n\n")), (1, Gen.Const(". ")), (2, OddCharacter)), 0, 400);

    /// <summary>A shorter text, for the fields of records and feed items (the slower readers get smaller inputs, so a run of a
    /// million inputs stays within minutes).</summary>
    static readonly Gen<string> ShortText = Join(Gen.Frequency(
        (10, Word), (6, Gen.Const(" ")), (2, Gen.Const("\n")), (2, Gen.Const("\n\n")), (1, Gen.Const(". ")), (2, OddCharacter)), 0, 60);

    /// <summary>Bytes of a text in one of the encodings a file may come in, sometimes cut in the middle of a character.</summary>
    public static Gen<byte[]> Encoded(Gen<string> text) => Gen.Select(text, Gen.Int[0, 9], Gen.Int[0, 100], (t, encoding, cut) =>
    {
        var bytes = encoding switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(t)],
            1 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(t)],
            2 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(t)],
            3 => Encoding.Latin1.GetBytes(t),
            _ => Encoding.UTF8.GetBytes(t),
        };
        // One input in ten is cut short at a random point, as a half-copied file is.
        return cut < 10 && bytes.Length > 1 ? bytes[..(bytes.Length * cut / 10)] : bytes;
    });

    /// <summary>Random bytes: what a damaged or binary file gives.</summary>
    public static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 2000];

    static Gen<byte[]> Bytes(Gen<string> text) => Gen.Frequency((9, Encoded(text)), (1, RandomBytes));

    /// <summary>A plain-text article file: headline, dateline, paragraphs, or anything else.</summary>
    public static readonly Gen<byte[]> TextFile = Bytes(Gen.Frequency(
        (6, Gen.Select(Join(Word, 0, 14, " "), Text, (headline, body) => headline + "\n\n" + body)),
        (3, Text),
        (1, Gen.Select(Text, t => "<html><body>" + t + "</body></html>"))));

    static readonly Gen<string> CsvField = Gen.Frequency(
        (6, Join(Gen.Frequency((6, Word), (1, OddCharacter), (1, Gen.OneOf<string>(",", "\"", "\"\"", "\n", ".txt", "a.txt", "x/../y.txt"))), 0, 5)),
        (2, Join(Word, 0, 4, " ").Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")),
        (1, Gen.OneOf<string>("", " ", "\"", "\"unclosed", "2016-12-13", "13/12/2016", "2016-02-30", "99999-01-01", "en", "ar", "xx", "https://example.org/a", "javascript:alert(1)", "=cmd()")));

    static readonly Gen<string> ManifestHeader = Gen.Frequency(
        (6, Gen.Const("file,outlet,url,published,notes")),
        (2, Gen.Const("file,outlet,url,published,notes,language")),
        (2, Gen.Shuffle(new[] { "file", "outlet", "url", "published", "notes", "language", "extra", "FILE" }).Select(h => string.Join(",", h.Take(5)))),
        (1, Join(CsvField, 0, 6, ",")));

    /// <summary>A manifest.csv: a header and rows of fields that may hold separators, quotes and line breaks.</summary>
    public static readonly Gen<string> ManifestText = Gen.Select(ManifestHeader, Join(CsvField, 0, 7, ",").Array[0, 12], Gen.OneOf<string>("\n", "\r\n", "\r"),
        (header, rows, newline) => string.Join(newline, [header, .. rows]));

    static readonly Gen<string> QueryKey = Gen.Frequency(
        (8, Gen.OneOf<string>("from", "to", "outlet", "place", "q", "lang", "language", "FROM", "Outlet", "page", "sort", "dir", "color", "topic", "scope")),
        (1, Join(OddCharacter, 0, 3)));

    static readonly Gen<string> QueryValue = Gen.Frequency(
        (4, Gen.OneOf<string>("", " ", "2016-12-13", "2016-13-01", "2016-02-30", "0001-01-01", "9999-12-31", "2016-1-1", "13/12/2016", "afp", "tasnim-news-agency",
            "old-city", "hanano", "AFP", "a b", "-", "--", "en", "ar", "xx", "1", "-1", "99999999999", "\"", "\"x")),
        (3, Join(Word, 0, 6, " ")),
        (1, Join(OddCharacter, 1, 20)),
        (1, Gen.Char.Array[300, 400].Select(a => new string(a))));

    /// <summary>A query string as the web app receives it: keys, possibly repeated, with values of any kind.</summary>
    public static readonly Gen<KeyValuePair<string, string>[]> Query = Gen.Select(QueryKey, QueryValue, (k, v) => KeyValuePair.Create(k, v)).Array[0, 8];

    /// <summary>What a reader types in the search box: words, quotes, OR, prefixes, FTS5 syntax and punctuation.</summary>
    public static readonly Gen<string> SearchText = Join(Gen.Frequency(
        (8, Word), (5, Gen.Const(" ")),
        (4, Gen.OneOf<string>("\"", "*", "OR", " OR ", "AND", "NOT", "NEAR(", ")", "(", "-", "+", "^", ":", "{", "}", "col:", "\"\"", "**", "'", ";", "--", "NEAR/2")),
        (2, OddCharacter)), 0, 30);

    static readonly Gen<string> HtmlFragment = Gen.Frequency(
        (5, Word), (4, Gen.Const(" ")),
        (6, Gen.OneOf<string>("<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<h1>", "</h1>", "<br>", "<script>", "</script>", "<style>",
            "<nav>", "<footer>", "<header>", "<li>", "<a href=\"/x\">", "</a>", "<!--", "-->", "<![CDATA[", "<title>", "</title>", "<table><tr><td>",
            "<input type=password>", "<meta property=\"og:type\" content=\"article\">", "<meta name=\"author\" content=\"", "\">",
            "<meta property=\"article:published_time\" content=\"2016-12-13T10:00:00Z\">", "<time datetime=\"", "<link rel=canonical href=\"",
            "<script type=\"application/ld+json\">", "{\"@type\":\"NewsArticle\",\"headline\":\"", "\",\"datePublished\":\"", "\"}", "<meta charset=\"",
            "windows-1256", "utf-16", "\">", "<svg>", "<math>", "<template>", "<iframe>", "<noscript>", "&nbsp;", "&lt;", "&#x202e;")),
        (1, OddCharacter));

    /// <summary>A saved web page: tags, metadata, JSON-LD and text, often broken.</summary>
    public static readonly Gen<byte[]> HtmlFile = Bytes(Gen.Select(Join(HtmlFragment, 0, 120), body => "<!DOCTYPE html><html><head>" + body));

    static readonly Gen<string> JsonValue = Gen.Frequency(
        (4, Join(Gen.Frequency((5, Word), (2, Gen.Const(" ")), (1, OddCharacter), (1, Gen.OneOf<string>("\\n", "\\\"", "\\u0000", "\\ud800", "\\x"))), 0, 30).Select(s => "\"" + s + "\"")),
        (2, Gen.OneOf<string>("null", "true", "0", "-1", "1e999", "\"2016-12-13\"", "\"2016-12-13T10:00:00Z\"", "\"13/12/2016\"", "[]", "{}", "[\"a\"]", "\"", "{\"a\":", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")));

    static readonly Gen<string> JsonKey = Gen.OneOf<string>("title", "headline", "text", "maintext", "body", "content", "description", "date_publish", "published",
        "date", "url", "source_domain", "outlet", "source", "authors", "language", "id", "x");

    static readonly Gen<string> JsonObject = Gen.Select(JsonKey, JsonValue, (k, v) => $"\"{k}\":{v}").Array[0, 8]
        .Select(members => "{" + string.Join(",", members) + "}");

    /// <summary>JSON Lines (or a JSON array) of article records, some lines broken.</summary>
    public static readonly Gen<byte[]> JsonLinesFile = Bytes(Gen.Frequency(
        (6, Gen.Frequency((8, JsonObject), (1, JsonValue), (1, ShortText)).Array[0, 8].Select(lines => string.Join("\n", lines))),
        (2, JsonObject.Array[0, 5].Select(objects => "[" + string.Join(",", objects) + "]")),
        (1, Text)));

    static readonly Gen<string> FeedItem = Gen.Select(Join(Word, 0, 8, " "), ShortText, Gen.OneOf<string>("Tue, 13 Dec 2016 10:00:00 GMT", "2016-12-13T10:00:00Z", "yesterday", ""),
        Gen.OneOf<string>("http://example.org/a", "not a uri", "", "javascript:x"),
        (title, body, date, link) =>
            $"<item><title>{Xml(title)}</title><link>{Xml(link)}</link><pubDate>{date}</pubDate><description>{Xml(body)}</description><guid>{Xml(title)}</guid></item>");

    static readonly Gen<string> AtomEntry = Gen.Select(Join(Word, 0, 8, " "), ShortText, Gen.OneOf<string>("2016-12-13T10:00:00Z", "2016-13-45", ""),
        (title, body, date) => $"<entry><title>{Xml(title)}</title><id>urn:{Xml(title)}</id><updated>{date}</updated><content type=\"html\">{Xml(body)}</content></entry>");

    /// <summary>RSS or Atom feeds, well formed or broken, with DTDs and entities a hostile feed may carry.</summary>
    public static readonly Gen<byte[]> FeedFile = Bytes(Gen.Frequency(
        (4, FeedItem.Array[0, 5].Select(items => "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + string.Join("", items) + "</channel></rss>")),
        (3, AtomEntry.Array[0, 5].Select(entries => "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>" + string.Join("", entries) + "</feed>")),
        (2, Join(Gen.Frequency((4, Word), (4, Gen.OneOf<string>("<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<feed>", "<entry>", "<![CDATA[", "]]>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "&amp;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<description>", "</description>", "<pubDate>", "</pubDate>")),
            (1, OddCharacter)), 0, 120)),
        (1, Text)));

    static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
