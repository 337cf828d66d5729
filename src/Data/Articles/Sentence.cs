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
    /// <summary>
    /// Which paragraph of the article it stands in, as a reader counts them: 0 for the headline, 1 for the body's first
    /// non-empty line, and so on (a sentence never crosses a line break). Citations read "Reuters, 9 Dec, paragraph 3".
    /// </summary>
    public int Paragraph { get; set; }
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
