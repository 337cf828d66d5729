using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.ExtractionBenchmark;

/// <summary>
/// Seed-like articles made by shuffling the lines of real and test articles (the seeds and the extraction gold set),
/// with a fixed random seed so that every run extracts from the same text.
/// </summary>
public static class SyntheticCorpus
{
    public static List<Article> Build(IReadOnlyList<string> sourceFiles, long targetBytes, out long bytes)
    {
        var lines = sourceFiles
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Trim())
            .Where(l => l.Length > 30)
            .ToArray();
        var random = new Random(2016);
        var outlet = new Outlet { Slug = "synthetic", Name = "Synthetic outlet" };
        var articles = new List<Article>();
        bytes = 0;
        while (bytes < targetBytes)
        {
            var body = new StringBuilder();
            for (var p = 0; p < 30; p++)
            {
                body.Append(lines[random.Next(lines.Length)]).Append('\n');
            }
            var article = new Article
            {
                Id = articles.Count + 1,
                Headline = lines[random.Next(lines.Length)],
                Body = body.ToString(),
                SourceFile = $"synthetic-{articles.Count}.txt",
                ContentHash = "",
                Outlet = outlet,
            };
            article.Sentences = ArticleBuilder.SentencesOf(article);
            bytes += Encoding.UTF8.GetByteCount(article.Headline) + Encoding.UTF8.GetByteCount(article.Body);
            articles.Add(article);
        }
        return articles;
    }
}
