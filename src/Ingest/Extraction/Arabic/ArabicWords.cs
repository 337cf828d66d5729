namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// The normalised words of an extractor's phrase tables (names, sources, terms, cue words), each with a number. The
/// tokenizer looks each word of a sentence up here once, in the three forms a table may match (as written, without
/// و/ف, without و/ف and ب/ل/ك: <see cref="ArabicToken"/>), so that every table after it finds its phrases by number
/// instead of hashing the word again. Words are only added while the tables are built; after that it is only read.
/// </summary>
public sealed class ArabicWords
{
    readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> byText;
    readonly List<string> texts = [];

    public ArabicWords()
    {
        byText = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => texts.Count;

    /// <summary>The word's number, given it if it has none yet.</summary>
    public int Add(string word)
    {
        if (ids.TryGetValue(word, out var id)) return id;
        ids[word] = id = texts.Count;
        texts.Add(word);
        return id;
    }

    /// <summary>The word's number, or -1 when no table has it.</summary>
    public int IdOf(ReadOnlySpan<char> word) => byText.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The stored text of word <paramref name="id"/> (a sentence's known words share it instead of a copy each).</summary>
    public string Text(int id) => texts[id];
}
