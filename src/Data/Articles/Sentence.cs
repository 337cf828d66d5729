namespace AleppoDashboard.Data.Articles;

/// <summary>
/// A sentence of an article. <see cref="Start"/> and <see cref="Length"/> are character offsets
/// into <see cref="Article.Headline"/> or <see cref="Article.Body"/> (see <see cref="Part"/>);
/// <c>Text</c> equals that span. Sentence ids anchor every extracted fact.
/// </summary>
public sealed class Sentence
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    /// <summary>0-based order within the article; the headline is sentence 0.</summary>
    public int Index { get; set; }
    public TextPart Part { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public required string Text { get; set; }
    /// <summary>
    /// What the full-text index holds instead of <see cref="Text"/> when the two differ: the text with Arabic folded
    /// (<see cref="AleppoDashboard.Data.Text.SearchFolding"/>); null for a sentence without Arabic, which is indexed as it is.
    /// </summary>
    public string? SearchText { get; set; }
}
