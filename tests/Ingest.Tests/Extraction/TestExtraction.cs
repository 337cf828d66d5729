using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Extraction;

/// <summary>The extractor built from the repository's reference files, and articles made the way ingest makes them.</summary>
public static class TestExtraction
{
    static readonly Lazy<FactExtractor> Shared = new(() => Create(new ReferenceFiles(RepoPaths.Reference)));

    public static FactExtractor Extractor => Shared.Value;

    public static FactExtractor Create(ReferenceFiles reference) =>
        new(reference.ReadGazetteer(), reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues());

    /// <summary>An article from a file's text, split into headline, body and sentences as ingest does.</summary>
    public static Article ArticleFromText(string fullText, string outletName)
    {
        var loaded = ArticleFileReader.Parse(System.Text.Encoding.UTF8.GetBytes(fullText));
        var article = new Article
        {
            Headline = loaded.Headline,
            Body = loaded.Body,
            SourceFile = "test.txt",
            ContentHash = loaded.ContentHash,
            Outlet = new Outlet { Slug = "test", Name = outletName },
        };
        article.Sentences = ArticleBuilder.SentencesOf(article);
        return article;
    }

    public static Article SeedArticle(string file, string outletName) =>
        ArticleFromText(File.ReadAllText(Path.Combine(RepoPaths.Seeds, file)), outletName);
}
