using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Puts the framing lexicon's terms (label and every variant; whole words, longest first) into the shared <see cref="PhraseIndex"/>.</summary>
public sealed class FramingTermCounter
{
    /// <summary>The kind of the lexicon terms in the shared index.</summary>
    public int Kind { get; }

    public FramingTermCounter(IEnumerable<FramingTerm> lexicon, PhraseIndex index)
    {
        Kind = index.AddKind(pluralOrPossessive: false);
        foreach (var term in lexicon)
        {
            index.Add(Kind, term.Label, term);
            foreach (var variant in term.Variants.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                index.Add(Kind, variant, term);
            }
        }
    }

    public static IEnumerable<PhraseHit<FramingTerm>> Accept(List<PhraseHit<object>> found) =>
        found.Select(h => new PhraseHit<FramingTerm>(h.Start, h.Length, (FramingTerm)h.Value));
}
