namespace AleppoDashboard.Ingest.Text;

/// <summary>
/// Numbers the paragraphs of a body as a reader counts them: each non-empty line is one (1, 2, ...), blank lines are
/// not. Asked for offsets in increasing order (the sentences' starts), it reads the text once.
/// </summary>
public sealed class ParagraphCounter(string text)
{
    int scanned;
    int paragraph;
    bool lineCounted;

    /// <summary>The paragraph that the character at <paramref name="offset"/> stands in (0 before the first one).</summary>
    public int At(int offset)
    {
        for (; scanned <= offset && scanned < text.Length; scanned++)
        {
            var c = text[scanned];
            if (c == '\n') lineCounted = false;
            else if (!lineCounted && !char.IsWhiteSpace(c)) (paragraph, lineCounted) = (paragraph + 1, true);
        }
        return paragraph;
    }
}
