using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Finds the framing lexicon's terms (every variant, whole words, longest first) in one pass over a sentence.</summary>
public sealed class FramingTermCounter
{
    readonly PhraseMatcher<FramingTerm> matcher;

    public FramingTermCounter(IEnumerable<FramingTerm> lexicon)
    {
        var trie = new PhraseTrie<FramingTerm>();
        foreach (var term in lexicon)
        {
            trie.Add(TextFolding.FoldPhrase(term.Label), term);
            foreach (var variant in term.Variants.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                trie.Add(TextFolding.FoldPhrase(variant), term);
            }
        }
        matcher = new PhraseMatcher<FramingTerm>(trie, allowPluralOrPossessive: false);
    }

    public List<PhraseHit<FramingTerm>> Find(FoldedText sentence) => matcher.Find(sentence);
}
