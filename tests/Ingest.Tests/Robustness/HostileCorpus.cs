using System.Text;

namespace AleppoDashboard.Ingest.Tests.Robustness;

/// <summary>
/// The hostile corpus, generated into a folder at test time (nothing large is committed): every kind of bad
/// file a user may drop into the article folder, a manifest with bad rows, and the outcome each must get.
/// </summary>
public static class HostileCorpus
{
    public const long SixtyMegabytes = 60L * 1024 * 1024;

    const string Good = "Army advances in east Aleppo\n\nSyrian government forces advanced in Hanano on Friday. Rebels said they still held Sakhour.";

    /// <summary>A file name with a decomposed é (as macOS writes names); the manifest names it with the composed é.</summary>
    public const string DecomposedName = "Cafe\u0301 report.txt";
    public const string ComposedName = "Caf\u00e9 report.txt";

    public const string Manifest = """
        file,outlet,url,published,notes,shoe_size
        bad-date.txt,AFP,,2016-13-45,,
        unknown-columns.txt,AFP,https://example.org/a,2016-12-09,,42
        duplicated-row.txt,AFP,,2016-12-09,,
        duplicated-row.txt,Reuters,,2016-12-10,,
        missing-file.txt,AFP,,2016-12-09,,
        file with spaces.txt,Al Jazeera,,2016-12-01,,
        Café report.txt,Reuters,,2016-12-02,,
        short-row.txt
        """;

    /// <summary>A 1×1 PNG image.</summary>
    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>"معركة حلب" (the battle of Aleppo) as a headline and body in the Windows-1256 code page.</summary>
    static readonly byte[] Windows1256Arabic =
    [
        0xE3, 0xDA, 0xD1, 0xDF, 0xC9, 0x20, 0xCD, 0xE1, 0xC8, 0x0A, 0x0A,
        0xE3, 0xDA, 0xD1, 0xDF, 0xC9, 0x20, 0xCD, 0xE1, 0xC8, 0x2E, 0x0A,
    ];

    // Declared after the byte arrays above: static fields initialise in order.
    public static readonly IReadOnlyList<HostileFile> Files =
    [
        new("empty.txt", Expected.Rejected, "is empty", Bytes([])),
        new("whitespace-only.txt", Expected.Rejected, "only whitespace", Text(" \n\t\r\n   \n")),
        new("image.txt", Expected.Rejected, "PNG", Bytes(Png)),
        new("invalid-utf8.txt", Expected.Rejected, "not valid UTF-8", Bytes([.. Encoding.UTF8.GetBytes("Aleppo headline\n\nA body with a bad byte "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" here.")])),
        new("utf16-le-bom.txt", Expected.LoadedWithWarning, "UTF-16", Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("حلب Aleppo under fire\n\nShelling hit Hanano on Friday.")])),
        new("utf16-be-bom.txt", Expected.LoadedWithWarning, "UTF-16", Bytes([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("Aleppo besieged\n\nFood ran short in Sakhour.")])),
        new("utf8-bom.txt", Expected.Loaded, null, Bytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Aleppo with a byte order mark\n\nA plain body sentence.")])),
        new("windows-1256.txt", Expected.Rejected, "save it as UTF-8", Bytes(Windows1256Arabic)),
        new("page.txt", Expected.Rejected, "HTML", Text("<!DOCTYPE html>\n<html><head><title>Aleppo</title></head><body><p>Text</p></body></html>")),
        new("saved-page.txt", Expected.Rejected, "HTML", Text("<!-- saved from url=(0042)https://example.org/news/aleppo -->\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Aleppo</title></head>\n<body><h1>Aleppo</h1><p>Text.</p></body></html>")),
        new("huge-60mb.txt", Expected.Rejected, "too large", WriteHuge),
        new("one-megabyte-line.txt", Expected.LoadedWithWarning, "too long for a headline", Text(string.Concat(Enumerable.Repeat("The text runs on and on without a single line break. ", 1024 * 1024 / 53 + 1)))),
        new("headline-only.txt", Expected.LoadedWithWarning, "no body", Text("Only a headline about Aleppo\n")),
        new("same-text-a.txt", Expected.Loaded, null, Text(Good)),
        new("same-text-b.txt", Expected.LoadedWithWarning, "Same text as 'same-text-a.txt'", Text(Good)),
        new("bad-date.txt", Expected.LoadedWithWarning, "2016-13-45", Text("Bad manifest date\n\n09 Dec, 2016\n\nFighting in Aleppo.")),
        new("unknown-columns.txt", Expected.Loaded, null, Text("Manifest with an unknown column\n\nFighting in Aleppo.")),
        new("duplicated-row.txt", Expected.Loaded, null, Text("Listed twice in the manifest\n\nFighting in Aleppo.")),
        new("short-row.txt", Expected.Loaded, null, Text("A manifest row with only a file name\n\nBEIRUT (Reuters) – Fighting in Aleppo.")),
        new("file with spaces.txt", Expected.Loaded, null, Text("A file name with spaces\n\nFighting in Aleppo.")),
        new("حلب تقرير.txt", Expected.Loaded, null, Text("A file name in Arabic\n\nFighting in Aleppo.")),
        new(DecomposedName, Expected.Loaded, null, Text("A file name with a decomposed accent\n\nFighting in Aleppo.")),
        new("UPPER CASE.TXT", Expected.Loaded, null, Text("A file name in capitals\n\nFighting in Aleppo.")),
    ];

    /// <summary>Writes every file and the manifest into <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        foreach (var file in Files)
        {
            file.WriteTo(Path.Combine(folder, file.Name));
        }
        // Not an article file: not even looked at.
        File.WriteAllBytes(Path.Combine(folder, "photo.png"), Png);
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), Manifest.Normalize(NormalizationForm.FormC) + "\n");
    }

    static Action<string> Bytes(byte[] bytes) => path => File.WriteAllBytes(path, bytes);

    static Action<string> Text(string text) => path => File.WriteAllText(path, text);

    /// <summary>60 MB of ordinary text, written in chunks (never held in memory whole).</summary>
    static void WriteHuge(string path)
    {
        var line = Encoding.UTF8.GetBytes("Government forces advanced in Hanano on Friday, a military source said.\n");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write("A sixty megabyte file\n\n"u8);
        while (stream.Length < SixtyMegabytes)
        {
            stream.Write(line);
        }
    }
}
