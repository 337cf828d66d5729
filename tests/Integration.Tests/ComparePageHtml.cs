using System.Net;
using System.Text.RegularExpressions;

namespace AleppoDashboard.Integration.Tests;

/// <summary>Reads what the /compare page shows: per row (topic code) and outlet, the sentences linked, and the framing matrix.</summary>
public static partial class ComparePageHtml
{
    public sealed record CellSentence(int ArticleId, int Index, bool Shared, string Html);

    /// <summary>topic code → outlet slug → sentences in the cell (empty list when the cell shows the empty state).</summary>
    public static Dictionary<string, Dictionary<string, List<CellSentence>>> Rows(string html)
    {
        var rows = new Dictionary<string, Dictionary<string, List<CellSentence>>>();
        foreach (Match row in RowPattern().Matches(html))
        {
            var cells = new Dictionary<string, List<CellSentence>>();
            foreach (Match cell in CellPattern().Matches(row.Groups["body"].Value))
            {
                cells[cell.Groups["outlet"].Value] = SentencePattern().Matches(cell.Groups["body"].Value)
                    .Select(s => new CellSentence(int.Parse(s.Groups["article"].Value), int.Parse(s.Groups["index"].Value),
                        s.Groups["body"].Value.Contains("shared copy"), s.Groups["body"].Value))
                    .ToList();
            }
            rows[WebUtility.HtmlDecode(row.Groups["topic"].Value)] = cells;
        }
        return rows;
    }

    /// <summary>(topic code, outlet slug) → (total sentences, link to all of them) for every cell that shows only its first sentences.</summary>
    public static Dictionary<(string Topic, string Outlet), (int Total, string Href)> CappedCells(string html)
    {
        var capped = new Dictionary<(string, string), (int, string)>();
        foreach (Match row in RowPattern().Matches(html))
        {
            foreach (Match cell in CellPattern().Matches(row.Groups["body"].Value))
            {
                var more = MorePattern().Match(cell.Groups["body"].Value);
                if (!more.Success) continue;
                capped[(WebUtility.HtmlDecode(row.Groups["topic"].Value), cell.Groups["outlet"].Value)] =
                    (int.Parse(more.Groups["total"].Value.Replace(",", "")), WebUtility.HtmlDecode(more.Groups["href"].Value));
            }
        }
        return capped;
    }

    /// <summary>term id → outlet slug → hits shown in the framing matrix.</summary>
    public static Dictionary<string, Dictionary<string, int>> Matrix(string html) =>
        MatrixRowPattern().Matches(html).ToDictionary(
            m => m.Groups["term"].Value,
            m => MatrixCellPattern().Matches(m.Groups["body"].Value).ToDictionary(c => c.Groups["outlet"].Value, c => int.Parse(c.Groups["hits"].Value)));

    [GeneratedRegex("""<tr class="compare-row" data-topic="(?<topic>[^"]*)"[^>]*>(?<body>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("""<td class="compare-cell[^"]*" data-outlet="(?<outlet>[^"]*)"[^>]*>(?<body>.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("""<li class="compare-sentence[^"]*">(?<body>.*?href="/articles/(?<article>\d+)(?:\?[^"#]*)?#s(?<index>\d+)" class="sentence-link".*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex SentencePattern();

    [GeneratedRegex("""Showing \d+ of (?<total>[\d,]+) sentences\.\s*<a href="(?<href>[^"]*)" download>""")]
    private static partial Regex MorePattern();

    [GeneratedRegex("""<tr data-term="(?<term>[^"]*)">(?<body>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex MatrixRowPattern();

    [GeneratedRegex("""<td class="fm-cell[^"]*" data-outlet="(?<outlet>[^"]*)" data-hits="(?<hits>\d+)">""")]
    private static partial Regex MatrixCellPattern();
}
