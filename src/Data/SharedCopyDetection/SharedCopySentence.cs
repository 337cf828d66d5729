using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// A sentence that is shared wire copy (see <see cref="SharedCopyDetection.SharedCopyDetector"/>), as the last detection
/// stored it: its distinct text (<see cref="TextId"/>, numbered by that detection) and how many sentences of other
/// articles carry the same copy. The other sentences are those of the same text or of a text it matches
/// (<see cref="SharedCopyText"/>) in other articles. Derived data: rewritten whole by each detection, and a sentence's
/// row goes with the sentence.
/// </summary>
public sealed class SharedCopySentence
{
    public int SentenceId { get; set; }
    public Sentence Sentence { get; set; } = null!;
    public int ArticleId { get; set; }
    /// <summary>The sentence's index in its article (copied from the sentence, for the order of the lists).</summary>
    public int Index { get; set; }
    public int TextId { get; set; }
    /// <summary>How many sentences of other articles carry the same copy.</summary>
    public int Copies { get; set; }
}

/// <summary>
/// A distinct normalised text that meets the shared-copy rule with other texts: their ids, space-separated (one row per
/// text rather than one per pair: 8 M pairs at 100,000 synthetic articles, where wire lines come in many variants).
/// </summary>
public sealed class SharedCopyText
{
    public int TextId { get; set; }
    public required string Matched { get; set; }

    public IEnumerable<int> MatchedIds => Matched.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
}
