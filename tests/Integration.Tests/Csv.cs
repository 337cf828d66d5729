using CsvHelper;

namespace AleppoDashboard.Integration.Tests;

/// <summary>Parses an export back into a header and rows, with CsvHelper.</summary>
public static class Csv
{
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Parse(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions(), leaveOpen: false);
        var rows = new List<Dictionary<string, string>>();
        IReadOnlyList<string> header = [];
        while (csv.Read())
        {
            header = csv.Headers;
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => csv.GetString(x.i)));
        }
        if (header.Count == 0)
        {
            header = text.Split('\n')[0].TrimEnd('\r').Split(',');
        }
        return (header, rows);
    }
}
