namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Folded words and their hashes, interned per thread so that a word seen before costs neither a new string nor a
/// second hash: most words of news text repeat. A small open-addressing table; when it fills up it starts again.
/// </summary>
sealed class FoldedWords
{
    const int Capacity = 1 << 17;
    const int MaxWords = Capacity / 2;

    [ThreadStatic] static FoldedWords? current;

    /// <summary>A slot: the hash beside its word, so that a probe reads one place in memory (the table is megabytes).</summary>
    struct Slot
    {
        public int Hash;
        public string? Text;
    }

    readonly Slot[] slots = new Slot[Capacity];
    int count;

    /// <summary>Where a word is folded before it is looked up: the table is a thread's, so is this (a stackalloc would be zeroed for every word).</summary>
    readonly char[] scratch = new char[128];

    /// <summary>This thread's table (fetch it once per sentence: thread-static reads are not free).</summary>
    public static FoldedWords ForThisThread => current ??= new FoldedWords();

    /// <summary>FNV-1a over the folded characters: the hash <see cref="Token.Hash"/> and phrase tables use.</summary>
    public static int HashOf(ReadOnlySpan<char> folded)
    {
        var hash = 2166136261u;
        foreach (var c in folded) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    public (string Text, int Hash) Get(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= scratch.Length ? scratch : new char[word.Length];
        // folded and hashed in one pass (the same FNV-1a as HashOf over the folded characters)
        var n = 0;
        var h = 2166136261u;
        foreach (var c in word)
        {
            var f = TextFolding.FoldChar(c);
            if (f == '\0') continue;
            buffer[n++] = f;
            h = (h ^ f) * 16777619u;
        }
        var folded = buffer[..n];
        var hash = (int)h;
        if (count >= MaxWords)
        {
            Array.Clear(slots);
            count = 0;
        }
        var slot = hash & (Capacity - 1);
        while (slots[slot].Text is { } known)
        {
            if (slots[slot].Hash == hash && known.AsSpan().SequenceEqual(folded)) return (known, hash);
            slot = (slot + 1) & (Capacity - 1);
        }
        var text = new string(folded);
        slots[slot] = new Slot { Hash = hash, Text = text };
        count++;
        return (text, hash);
    }
}
