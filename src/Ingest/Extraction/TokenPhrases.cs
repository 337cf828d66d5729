namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Phrases as folded token sequences, each with a value; matched against <see cref="Token"/> lists, longest first.</summary>
public sealed class TokenPhrases<T>
{
    // keyed by the first word's hash (Token.Hash); Matches compares the words themselves
    readonly Dictionary<int, List<(string[] Words, T Value)>> byFirst = [];

    public int MaxWords { get; private set; }

    public void Add(string phrase, T value)
    {
        var words = Tokenizer.Tokenize(phrase).Select(t => t.Text).ToArray();
        if (words.Length == 0) return;
        if (!byFirst.TryGetValue(FoldedWords.HashOf(words[0]), out var list)) byFirst[FoldedWords.HashOf(words[0])] = list = [];
        list.Add((words, value));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        MaxWords = Math.Max(MaxWords, words.Length);
    }

    /// <summary>The longest phrase starting at token <paramref name="at"/>: its token count and value, or 0.</summary>
    public (int Length, T? Value) At(List<Token> tokens, int at)
    {
        if (at < 0 || at >= tokens.Count || !byFirst.TryGetValue(tokens[at].Hash, out var list)) return (0, default);
        foreach (var (words, value) in list)
        {
            if (Matches(tokens, at, words)) return (words.Length, value);
        }
        return (0, default);
    }

    /// <summary>The longest phrase ending just before token <paramref name="end"/>: its token count and value, or 0.</summary>
    public (int Length, T? Value) EndingAt(List<Token> tokens, int end)
    {
        for (var start = Math.Max(0, end - MaxWords); start < end; start++)
        {
            if (!byFirst.TryGetValue(tokens[start].Hash, out var list)) continue;
            foreach (var (words, value) in list)
            {
                if (start + words.Length == end && Matches(tokens, start, words)) return (words.Length, value);
            }
        }
        return (0, default);
    }

    /// <summary>Whether some phrase starts with this word.</summary>
    public bool Starts(string foldedWord)
    {
        if (!byFirst.TryGetValue(FoldedWords.HashOf(foldedWord), out var list)) return false;
        foreach (var (words, _) in list)
        {
            if (words[0] == foldedWord) return true; // a loop, not Any with a lambda: this runs for many tokens
        }
        return false;
    }

    public bool Contains(string foldedWord)
    {
        if (!byFirst.TryGetValue(FoldedWords.HashOf(foldedWord), out var list)) return false;
        foreach (var (words, _) in list)
        {
            if (words.Length == 1 && words[0] == foldedWord) return true;
        }
        return false;
    }

    static bool Matches(List<Token> tokens, int at, string[] words)
    {
        if (at + words.Length > tokens.Count) return false;
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[at + k].Text != words[k]) return false;
        }
        return true;
    }
}
