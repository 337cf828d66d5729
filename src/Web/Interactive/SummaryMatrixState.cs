namespace AleppoDashboard.Web.Interactive;

/// <summary>An outlet column of the summary matrix.</summary>
public sealed record MatrixColumn(string Slug, string Name);

/// <summary>A topic row: its code and label, the anchor of its row in the sentence table, each column's count and cell anchor, and its total.</summary>
public sealed record MatrixRow(string Code, string Label, string Anchor, IReadOnlyList<int> Counts, IReadOnlyList<string> CellAnchors, string Total);

/// <summary>
/// The summary matrix of /compare (outlets × topics) as plain values that cross into the circuit: the page's address
/// without a selected cell, the selected cell (<c>cell=</c>, a cell anchor) and whether the counts are of origins.
/// </summary>
public sealed record SummaryMatrixState(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows, string PageHref, string? Selected, bool CountOrigins)
{
    /// <summary>The page with a cell selected: its sentences show under the matrix (#compare-selected).</summary>
    public string CellHref(string cellAnchor) =>
        PageHref + (PageHref.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "cell=" + Uri.EscapeDataString(cellAnchor);

    public int Max => Rows.SelectMany(r => r.Counts).DefaultIfEmpty(0).Max();
}
