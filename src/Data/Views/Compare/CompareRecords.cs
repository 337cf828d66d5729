using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>A column of the comparison: one outlet and what the filter selects of it.</summary>
public sealed record CompareColumn(string Slug, string Name, int Articles, DateOnly? First, DateOnly? Last, int Words);

/// <summary>Words to highlight in a sentence: offsets into its text, a kind (place, claim, term, hit) and a tooltip.</summary>
public sealed record CompareMark(int Start, int Length, string Kind, string Label);

/// <summary>
/// A sentence in a cell, with what matched in it and the other articles that carry the same copy: the first of them
/// (<see cref="SharedWith"/>) and how many in all (<see cref="SharedCount"/>).
/// </summary>
public sealed record CompareSentence(
    int SentenceId, int ArticleId, int Index, string OutletSlug, DateOnly? Published, DatePrecision Precision,
    string Text, IReadOnlyList<CompareMark> Marks, IReadOnlyList<SharedWith> SharedWith, int SharedCount);

/// <summary>
/// A row: a topic and, per outlet slug, the matching sentences kept (empty list: the outlet said nothing on it)
/// and how many match in all (<see cref="CountOf"/>; more than kept when the cell was capped).
/// </summary>
public sealed record CompareRow(CompareTopic Topic, IReadOnlyDictionary<string, IReadOnlyList<CompareSentence>> Cells,
    IReadOnlyDictionary<string, int> Counts)
{
    public IReadOnlyList<CompareSentence> CellOf(string outletSlug) => Cells.TryGetValue(outletSlug, out var cell) ? cell : [];

    public int CountOf(string outletSlug) => Counts.GetValueOrDefault(outletSlug);

    public int Total => Counts.Values.Sum();
}

/// <summary>One lexicon term's use per outlet.</summary>
public sealed record FramingCell(int Hits, int SharedHits, double PerThousandWords);

public sealed record FramingMatrixRow(string TermId, string Label, string Group, string GroupLabel, string Variants,
    IReadOnlyDictionary<string, FramingCell> ByOutlet)
{
    public FramingCell CellOf(string outletSlug) => ByOutlet.TryGetValue(outletSlug, out var cell) ? cell : new(0, 0, 0);
}
