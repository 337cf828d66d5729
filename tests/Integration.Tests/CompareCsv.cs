using CsvHelper;

namespace AleppoDashboard.Integration.Tests;

/// <summary>Rows of /export/compare.csv as dictionaries of column → value, read with CsvHelper.</summary>
public static class CompareCsv
{
    public static readonly string[] Columns =
        ["topic", "topic_label", "outlet", "outlet_slug", "article_id", "sentence_index", "published", "sentence", "matched", "shared_with"];

    public static List<Dictionary<string, string>> Parse(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions(), leaveOpen: false);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i) ? csv.GetString(i) : throw new InvalidDataException("compare.csv has no column " + c)));
        }
        return rows;
    }
}
