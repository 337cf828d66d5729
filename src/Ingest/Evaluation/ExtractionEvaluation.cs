using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Evaluation;

/// <summary>
/// Scores the extractor on an annotated folder: each gold article's file is read as the ingest reads it, split and
/// extracted as the ingest does, and compared with its annotation (<see cref="ArticleScore"/>). Nothing is stored.
/// Each file's language is guessed from its text as the ingest guesses it (so Arabic files go to the Arabic extractor),
/// unless <c>--language</c> sets it for all.
/// </summary>
public static class ExtractionEvaluation
{
    public static async Task<int> RunAsync(string folder, string goldPath, ReferenceFiles reference, TextWriter output, TextWriter errors,
        string? language = null)
    {
        if (!Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"error: the folder '{folder}' does not exist.");
            return 1;
        }
        IReadOnlyList<GoldArticle> gold;
        try
        {
            gold = GoldAnnotations.Load(goldPath);
        }
        catch (GoldFileException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        var gazetteer = reference.ReadGazetteer();
        var extractor = new FactExtractor(gazetteer, reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues(), reference.ReadArabicCues());
        var reader = new ArticleFileReader();
        var total = new ArticleScore();
        var problems = new List<string>();
        foreach (var entry in gold)
        {
            var path = Path.Combine(folder, entry.File);
            LoadedText text;
            try
            {
                if (Path.GetFileName(entry.File) != entry.File) throw new FileRejectedException("is not a file name in the folder.");
                text = reader.Read(path);
            }
            catch (FileRejectedException e)
            {
                await errors.WriteLineAsync($"error: {entry.File} {e.Message}");
                return 1;
            }
            var article = new Article
            {
                Headline = text.Headline, Body = text.Body, SourceFile = entry.File, ContentHash = text.ContentHash,
                Language = language ?? LanguageGuess.Guess(text.Headline, text.Body),
            };
            article.Sentences = ArticleBuilder.SentencesOf(article);
            var score = ArticleScore.Compute(entry, article, extractor.Extract(article), gazetteer);
            Add(total, score);
            problems.AddRange(score.Problems.Select(p => $"{entry.File}: {p}"));
        }
        await WriteAsync(output, gold.Count, total, problems);
        return 0;
    }

    static void Add(ArticleScore total, ArticleScore s)
    {
        total.GoldPlaces += s.GoldPlaces; total.FoundPlaces += s.FoundPlaces; total.ExtractedPlaces += s.ExtractedPlaces; total.NeutralPlaces += s.NeutralPlaces;
        total.GoldClaims += s.GoldClaims; total.FoundClaims += s.FoundClaims; total.RightClaims += s.RightClaims;
        total.ExtractedClaims += s.ExtractedClaims; total.NeutralClaims += s.NeutralClaims;
        total.RightValue += s.RightValue; total.RightScope += s.RightScope; total.RightKind += s.RightKind;
    }

    static string Ratio(int part, int whole) => whole == 0 ? "n/a" : $"{(double)part / whole:0.00} ({part}/{whole})";

    static async Task WriteAsync(TextWriter output, int articles, ArticleScore t, List<string> problems)
    {
        await output.WriteLineAsync($"evaluated {articles} articles: {t.GoldPlaces} gold places, {t.GoldClaims} gold claims");
        await output.WriteLineAsync($"place mentions: precision {Ratio(t.FoundPlaces, t.ExtractedPlaces)}, recall {Ratio(t.FoundPlaces, t.GoldPlaces)}"
            + (t.NeutralPlaces > 0 ? $", {t.NeutralPlaces} on optional names not counted" : ""));
        await output.WriteLineAsync($"control claims, value, scope and kind right: precision {Ratio(t.RightClaims, t.ExtractedClaims)}, recall {Ratio(t.RightClaims, t.GoldClaims)}");
        await output.WriteLineAsync($"control claims, found at all: precision {Ratio(t.FoundClaims, t.ExtractedClaims)}, recall {Ratio(t.FoundClaims, t.GoldClaims)}"
            + (t.NeutralClaims > 0 ? $", {t.NeutralClaims} on hypothetical claims not counted" : ""));
        await output.WriteLineAsync($"of the claims found: value right {Ratio(t.RightValue, t.FoundClaims)}, scope right {Ratio(t.RightScope, t.FoundClaims)}, kind right {Ratio(t.RightKind, t.FoundClaims)}");
        await output.WriteLineAsync(problems.Count == 0 ? "no misses and no false hits" : $"{problems.Count} misses and false hits:");
        foreach (var p in problems) await output.WriteLineAsync("  " + p);
    }
}
