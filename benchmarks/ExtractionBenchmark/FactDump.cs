using System.Globalization;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Extraction;

namespace AleppoDashboard.ExtractionBenchmark;

/// <summary>
/// Every fact extracted from the benchmark's articles, one line each, so that two builds' outputs can be compared with
/// <c>diff</c>: a change made for speed must not change a single line.
/// </summary>
public static class FactDump
{
    public static void Write(string path, IReadOnlyList<Article> articles, FactExtractor extractor)
    {
        using var output = new StreamWriter(path);
        var inv = CultureInfo.InvariantCulture;
        foreach (var article in articles)
        {
            var facts = extractor.Extract(article);
            var sentenceIndex = new Dictionary<Sentence, int>(ReferenceEqualityComparer.Instance);
            for (var s = 0; s < article.Sentences.Count; s++) sentenceIndex[article.Sentences[s]] = s;
            var a = article.Id;
            foreach (var m in facts.Mentions) output.WriteLine($"{a}\t{sentenceIndex[m.Sentence]}\tplace\t{m.Start}\t{m.Length}\t{m.PlaceId}\t{m.MatchedText}");
            foreach (var c in facts.Claims)
            {
                output.WriteLine(string.Create(inv,
                    $"{a}\t{sentenceIndex[c.Sentence]}\tclaim\t{c.Start}\t{c.Length}\t{c.ValuePercent}\t{c.Kind}\t{c.Scope}\t{c.Count}\t{c.Of}\t{c.Hedge}\t{c.StatedPercent}\t{c.StatedHolder}\t{c.AttributedTo}"));
            }
            foreach (var s in facts.Attributions) output.WriteLine($"{a}\t{sentenceIndex[s.Sentence]}\tsource\t{s.Start}\t{s.Length}\t{s.Source}\t{s.SourceKind}");
            foreach (var t in facts.TermHits) output.WriteLine($"{a}\t{sentenceIndex[t.Sentence]}\tterm\t{t.Start}\t{t.Length}\t{t.TermId}");
        }
    }
}
