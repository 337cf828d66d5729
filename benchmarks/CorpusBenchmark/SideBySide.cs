namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// The figures of each database of one run in one table, a column per provider and the ratio of the last to the first
/// (issue 21: PostgreSQL against SQLite, from the same run). Rows keep the order they were first added in.
/// </summary>
public sealed class SideBySide(List<string> columns)
{
    readonly List<string> rows = [];
    readonly Dictionary<(string Row, string Column), string> cells = [];

    public void Add(string row, string column, string value)
    {
        if (!rows.Contains(row)) rows.Add(row);
        cells[(row, column)] = value;
    }

    public void Write(Action<string> line, int size)
    {
        if (columns.Count < 2 || rows.Count == 0) return;
        line("");
        line($"### Side by side, {size:N0} articles (load now: {FirstRequestProbe.LoadAverage()})");
        line("");
        line($"| figure | {string.Join(" | ", columns)} | {columns[^1]} ÷ {columns[0]} |");
        line($"| --- | {string.Join(" | ", columns.Select(_ => "---:"))} | ---: |");
        foreach (var row in rows)
        {
            var values = columns.Select(c => cells.GetValueOrDefault((row, c), "")).ToList();
            line($"| {row} | {string.Join(" | ", values)} | {Ratio(values[0], values[^1])} |");
        }
    }

    static string Ratio(string first, string last) =>
        double.TryParse(first.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var a) && a > 0
        && double.TryParse(last.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var b)
            ? (b / a).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "×"
            : "";
}
