namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// A word, number or punctuation mark of a sentence. <see cref="Text"/> is folded (lower case, no diacritics or
/// apostrophes), <see cref="Hash"/> its <see cref="FoldedWords.HashOf"/>; a possessive "'s" or "s'" is cut off and flagged. <see cref="Start"/>/<see cref="End"/> are offsets in the sentence.
/// </summary>
public readonly record struct Token(string Text, int Hash, int Start, int End, bool IsWord, bool Possessive, double? Number)
{
    public Token(string text, int start, int end, bool isWord, bool possessive, double? number)
        : this(text, FoldedWords.HashOf(text), start, end, isWord, possessive, number)
    {
    }

    public bool Is(string folded) => Text == folded;
}
