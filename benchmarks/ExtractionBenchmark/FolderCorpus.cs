using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.ExtractionBenchmark;

/// <summary>
/// Real articles from a folder (such as ../shared/eval/realworld-dev), read, language-guessed and split as the ingest does,
/// repeated in order until the text reaches the size asked for. The texts stay outside the repository.
/// </summary>
public static class FolderCorpus
{
    public static List<Article> Build(string folder, long targetBytes, out long bytes)
    {
        var reader = new ArticleFileReader();
        var texts = Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(reader.Read).ToList();
        if (texts.Count == 0) throw new InvalidOperationException($"no .txt files in {folder}");
        var outlet = new Outlet { Slug = "folder", Name = "Folder outlet" };
        var articles = new List<Article>();
        bytes = 0;
        while (bytes < targetBytes)
        {
            var text = texts[articles.Count % texts.Count];
            var article = new Article
            {
                Id = articles.Count + 1, Headline = text.Headline, Body = text.Body, SourceFile = $"folder-{articles.Count}.txt", ContentHash = "",
                Outlet = outlet, Language = LanguageGuess.Guess(text.Headline + "\n" + text.Body),
            };
            article.Sentences = ArticleBuilder.SentencesOf(article);
            bytes += System.Text.Encoding.UTF8.GetByteCount(article.Headline) + System.Text.Encoding.UTF8.GetByteCount(article.Body);
            articles.Add(article);
        }
        return articles;
    }
}
