namespace AleppoDashboard.Data.Facts;

/// <summary>
/// Where an extracted fact stands: its article, its sentence, and the span of the matched words
/// as character offsets into <see cref="Articles.Sentence.Text"/>.
/// </summary>
public abstract class SentenceSpan
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Articles.Article Article { get; set; } = null!;
    public int SentenceId { get; set; }
    public Articles.Sentence Sentence { get; set; } = null!;
    public int Start { get; set; }
    public int Length { get; set; }
    public required string MatchedText { get; set; }
}
