namespace AleppoDashboard.Ingest.Files.Html;

/// <summary>
/// Why a saved page holds no article, or null when it holds one. A page is an article when its extracted body has at
/// least <see cref="MinLetters"/> letters (letters, not words: Chinese and Japanese are written without spaces) and, if the page does not say it is an article (JSON-LD article, <c>og:type</c>
/// article, a publication date, a single <c>article</c> element), the body is long and the page is not a site's front page.
/// </summary>
public static class NoArticle
{
    public const int MinLetters = 200;
    /// <summary>A page that does not call itself an article needs this many letters of body text to count as one (about 150 English words).</summary>
    public const int MinLettersUnstated = 700;

    public static string? Reason(string title, bool passwordField, DocumentMetadata metadata, bool statedArticle, string body)
    {
        var letters = body.Count(char.IsLetterOrDigit);
        var frontPage = metadata.Url is { } url && Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/').Length == 0;
        if (letters >= MinLettersUnstated && !frontPage) return null;
        if (letters >= MinLetters && statedArticle) return null;
        return $"is a web page with no article: {Kind(title, passwordField, frontPage)} ({letters} letters of running text).";
    }

    static string Kind(string title, bool passwordField, bool frontPage)
    {
        if (passwordField || Mentions(title, "sign in", "log in", "login", "subscribe to continue"))
        {
            return "a login or subscription wall";
        }
        if (Mentions(title, "404", "not found", "error", "page unavailable", "access denied")) return "an error page";
        return frontPage ? "a site's front page" : "a home, section or list page";
    }

    static bool Mentions(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
