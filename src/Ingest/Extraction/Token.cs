namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A word, number or punctuation mark of a sentence. <see cref="Text"/> is folded (lower case, no diacritics or
/// apostrophes); a possessive "'s" or "s'" is cut off and flagged. <see cref="Start"/>/<see cref="End"/> are offsets in the sentence.
/// </summary>
public sealed record Token(string Text, int Start, int End, bool IsWord, bool Possessive, double? Number)
{
    public bool Is(string folded) => Text == folded;
}
