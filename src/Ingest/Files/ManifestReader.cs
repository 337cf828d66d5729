using System.Text;
using CsvHelper;

namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// Reads manifest.csv. Extra columns are ignored; problems are returned as one-line messages, never thrown.
/// Rows are keyed by the file name in Unicode normal form C (look them up with <see cref="KeyOf"/>).
/// </summary>
public static class ManifestReader
{
    public const string FileName = "manifest.csv";

    public static (IReadOnlyDictionary<string, ManifestRow> Rows, IReadOnlyList<string> Problems) Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var rows = new Dictionary<string, ManifestRow>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (!File.Exists(path))
        {
            return (rows, problems);
        }
        try
        {
            using var text = new StreamReader(path);
            return Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{FileName}: cannot be read ({e.Message}); files are loaded with text heuristics only.");
        }
        return (rows, problems);
    }

    /// <summary>The rows and problems of a manifest's text (the fuzz tests feed it generated text).</summary>
    public static (IReadOnlyDictionary<string, ManifestRow> Rows, IReadOnlyList<string> Problems) Parse(TextReader text)
    {
        var rows = new Dictionary<string, ManifestRow>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            using var csv = CsvReader.Create(text, new CsvReaderOptions { TrackLineNumbers = true }, leaveOpen: true);
            while (csv.Read())
            {
                if (!csv.TryGetFieldIndex("file", out _))
                {
                    problems.Add($"{FileName}: has no 'file' column; the manifest is ignored.");
                    return (rows, problems);
                }
                // File names compare in Unicode normal form C: macOS writes names decomposed, spreadsheets composed.
                var row = new ManifestRow(
                    (Field(csv, "file") ?? "").Normalize(NormalizationForm.FormC), Field(csv, "outlet"), Field(csv, "url"), Field(csv, "published"), Field(csv, "notes"), csv.LineNumber)
                {
                    Language = Field(csv, "language"),
                };
                if (row.File.Length == 0)
                {
                    problems.Add($"{FileName} line {row.Line}: the 'file' column is empty; row ignored.");
                }
                else if (rows.TryGetValue(row.File, out var first))
                {
                    problems.Add($"{FileName} line {row.Line}: '{row.File}' is listed again (first on line {first.Line}); the first row is used.");
                }
                else
                {
                    rows[row.File] = row;
                }
            }
        }
        catch (Exception e) when (e is CsvFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add($"{FileName}: cannot be read ({e.Message}); files are loaded with text heuristics only.");
        }
        return (rows, problems);
    }

    /// <summary>The key of a file name in the manifest's rows.</summary>
    public static string KeyOf(string fileName) => fileName.Normalize(NormalizationForm.FormC);

    static string? Field(CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var i) && i < csv.FieldCount && csv.GetString(i).Trim() is { Length: > 0 } value ? value : null;
}
