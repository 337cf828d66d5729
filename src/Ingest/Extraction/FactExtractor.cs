using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Pulls place mentions, control claims, source attributions and framing terms out of an article's
/// sentences. Each fact's span is an offset into its sentence's text.
/// </summary>
public sealed class FactExtractor(IReadOnlyList<Place> gazetteer, IReadOnlyList<FramingTerm> lexicon)
{
    public IReadOnlyList<Place> Gazetteer { get; } = gazetteer;
    public IReadOnlyList<FramingTerm> Lexicon { get; } = lexicon;

    /// <summary>Facts for <paramref name="article"/>, whose <see cref="Article.Sentences"/> are set; facts point at those sentence objects.</summary>
    public ExtractedFacts Extract(Article article) => ExtractedFacts.None;
}
