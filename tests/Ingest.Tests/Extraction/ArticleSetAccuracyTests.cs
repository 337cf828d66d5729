using System.Globalization;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Ingest.Extraction;
using Xunit.Abstractions;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>
/// Precision and recall on the hand-written test articles (Gold/articles/, annotated in Gold/articles.gold.json),
/// printed in the test output, against the targets: mentions P and R ≥ 0.95; claims recall ≥ 0.9 with value,
/// kind and scope right on ≥ 0.9 of the found claims.
/// </summary>
public class ArticleSetAccuracyTests(ITestOutputHelper output)
{
    static readonly GoldFile Gold = GoldFile.Load("articles.gold.json");

    static ExtractedFacts Extract(GoldArticle gold) =>
        TestExtraction.Extractor.Extract(TestExtraction.ArticleFromText(
            File.ReadAllText(Path.Combine(GoldFile.Folder, "articles", gold.File)), gold.Outlet));

    [Fact]
    public void TheSetHasAtLeastFifteenArticlesInSeveralOutletStyles()
    {
        Assert.True(Gold.Articles.Count >= 15);
        Assert.True(Gold.Articles.Select(a => a.Outlet).Distinct().Count() >= 6);
        Assert.All(Gold.Articles, a => Assert.True(File.Exists(Path.Combine(GoldFile.Folder, "articles", a.File)), a.File));
    }

    [Fact]
    public void MentionPrecisionAndRecallReachTheTargets()
    {
        int truePositives = 0, extractedCount = 0, goldCount = 0;
        foreach (var gold in Gold.Articles)
        {
            var expected = gold.Mentions.Select(m => $"{m[0]}: {m[1]}").ToList();
            var extracted = Extract(gold).Mentions.Select(m => $"{m.PlaceId}: {m.MatchedText}").ToList();
            var matched = MultisetIntersection(expected, extracted);
            truePositives += matched;
            extractedCount += extracted.Count;
            goldCount += expected.Count;
            foreach (var missing in Except(expected, extracted)) output.WriteLine($"{gold.File}: missed mention {missing}");
            foreach (var spurious in Except(extracted, expected)) output.WriteLine($"{gold.File}: spurious mention {spurious}");
        }
        var precision = Ratio(truePositives, extractedCount);
        var recall = Ratio(truePositives, goldCount);
        output.WriteLine($"place mentions: precision {precision:0.000} ({truePositives}/{extractedCount}), recall {recall:0.000} ({truePositives}/{goldCount})");
        Assert.True(precision >= 0.95, $"mention precision {precision:0.000}");
        Assert.True(recall >= 0.95, $"mention recall {recall:0.000}");
    }

    [Fact]
    public void ClaimRecallAndFieldAccuracyReachTheTargets()
    {
        int goldCount = 0, found = 0, extractedCount = 0, fieldsRight = 0, hedgeRight = 0, attributionRight = 0;
        foreach (var gold in Gold.Articles)
        {
            var extracted = Extract(gold).Claims.OrderBy(c => c.Sentence.Index).ThenBy(c => c.Start).ToList();
            extractedCount += extracted.Count;
            goldCount += gold.Claims.Count;
            var unused = new List<ControlClaim>(extracted);
            foreach (var expected in gold.Claims)
            {
                var match = unused.FirstOrDefault(c => c.MatchedText.Contains(expected.Text, StringComparison.Ordinal));
                if (match is null)
                {
                    output.WriteLine($"{gold.File}: missed claim {expected}");
                    continue;
                }
                unused.Remove(match);
                found++;
                var got = ClaimText.ToGold(match);
                var fields = Math.Abs(got.Value - expected.Value) < 0.01 && got.Kind == expected.Kind && got.Scope == expected.Scope
                    && got.Count == expected.Count && got.Of == expected.Of;
                if (fields) fieldsRight++;
                if (got.Hedge == expected.Hedge) hedgeRight++;
                if (got.AttributedTo == expected.AttributedTo) attributionRight++;
                if (!fields || got.Hedge != expected.Hedge || got.AttributedTo != expected.AttributedTo)
                {
                    output.WriteLine($"{gold.File}: claim {expected}\n    extracted as {got}");
                }
            }
            foreach (var spurious in unused) output.WriteLine($"{gold.File}: spurious claim {ClaimText.ToGold(spurious)}");
        }
        var recall = Ratio(found, goldCount);
        var precision = Ratio(found, extractedCount);
        var fieldAccuracy = Ratio(fieldsRight, found);
        output.WriteLine($"control claims: recall {recall:0.000} ({found}/{goldCount}), precision {precision:0.000} ({found}/{extractedCount})");
        output.WriteLine($"  of the found claims: value+kind+scope(+count/of) right {fieldAccuracy:0.000} ({fieldsRight}/{found}), " +
            $"hedge right {Ratio(hedgeRight, found):0.000}, attributed_to right {Ratio(attributionRight, found):0.000}");
        Assert.True(recall >= 0.9, $"claim recall {recall:0.000}");
        Assert.True(fieldAccuracy >= 0.9, $"claim value/kind/scope accuracy {fieldAccuracy:0.000}");
    }

    static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;

    static int MultisetIntersection(List<string> a, List<string> b) => a.Count - Except(a, b).Count;

    static List<string> Except(List<string> a, List<string> b)
    {
        var rest = new List<string>(b);
        var left = new List<string>();
        foreach (var x in a)
        {
            if (!rest.Remove(x)) left.Add(x);
        }
        return left;
    }
}
