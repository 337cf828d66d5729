using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>A column of the comparison: one outlet and what the filter selects of it.</summary>
public sealed record CompareColumn(string Slug, string Name, int Articles, DateOnly? First, DateOnly? Last, int Words);

/// <summary>Words to highlight in a sentence: offsets into its text, a kind (place, claim, term, hit) and a tooltip.</summary>
public sealed record CompareMark(int Start, int Length, string Kind, string Label);

/// <summary>
/// A sentence in a cell, with what matched in it and the other articles that carry the same copy: the first of them
/// (<see cref="SharedWith"/>) and how many in all (<see cref="SharedCount"/>). <see cref="Paragraph"/> is the article's
/// paragraph it stands in (0: the headline), for a citation a reader can follow.
/// </summary>
public sealed record CompareSentence(
    int SentenceId, int ArticleId, int Index, string OutletSlug, DateOnly? Published, DatePrecision Precision,
    string Text, IReadOnlyList<CompareMark> Marks, IReadOnlyList<SharedWith> SharedWith, int SharedCount, int Paragraph = 0)
{
    /// <summary>When counting origins: the origin this sentence stands for in the row, else null.</summary>
    public SentenceOrigin? Origin { get; init; }

    /// <summary>Where each of <see cref="SharedWith"/> stands, in the same order, for a citation (empty when not read).</summary>
    public IReadOnlyList<CopyPlace> SharedPlaces { get; init; } = [];
}

/// <summary>The date and paragraph of another article's copy of a sentence, for "Reuters, 9 Dec 2016, paragraph 5".</summary>
public sealed record CopyPlace(DateOnly? Published, DatePrecision Precision, int Paragraph);

/// <summary>
/// One origin of a row when counting origins (<c>origins=1</c>): an id (the lowest sentence id among its copies, for the
/// CSV), how many of the row's sentences are copies of it, and how many outlets of the row ran it.
/// </summary>
public sealed record SentenceOrigin(int Id, int Sentences, int Outlets);

/// <summary>
/// A row: a topic and, per outlet slug, the matching sentences kept (empty list: the outlet said nothing on it)
/// and how many match in all (<see cref="CountOf"/>; more than kept when the cell was capped).
/// </summary>
/// <remarks>
/// When counting origins, a cell keeps one sentence per origin and <see cref="CountOf"/> counts origins;
/// <see cref="Origins"/> is then how many distinct origins the whole row has and <see cref="Sentences"/> how many
/// sentences they stand for (both null otherwise).
/// </remarks>
public sealed record CompareRow(CompareTopic Topic, IReadOnlyDictionary<string, IReadOnlyList<CompareSentence>> Cells,
    IReadOnlyDictionary<string, int> Counts)
{
    public int? Origins { get; init; }
    public int? Sentences { get; init; }

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
