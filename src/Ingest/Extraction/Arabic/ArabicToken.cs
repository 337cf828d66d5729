namespace AleppoDashboard.Ingest.Extraction.Arabic;

public enum ArabicTokenKind { Word, Number, Percent, Break }

/// <summary>
/// A word, number, percent sign or clause break of a sentence: its span in the sentence and its normalised text
/// (<see cref="Data.Text.ArabicNormalization"/>; a number's value in ASCII digits).
/// </summary>
public readonly record struct ArabicToken(int Start, int End, string Text, ArabicTokenKind Kind)
{
    public bool IsWord => Kind == ArabicTokenKind.Word;

    /// <summary>The text's number in the extractor's <see cref="ArabicWords"/>; -1 when no phrase has it (and for breaks).</summary>
    public int Id { get; init; } = -1;

    /// <summary>The number of the word without a leading و/ف (<see cref="ArabicPhraseTable{T}"/>'s second form), or -1.</summary>
    public int IdWithoutConjunction { get; init; } = -1;

    /// <summary>The number of the word without و/ف and then ب/ل/ك (the third form), or -1.</summary>
    public int IdWithoutPreposition { get; init; } = -1;

    /// <summary>How many letters the third form leaves out (1 or 2).</summary>
    public int PrepositionEnd { get; init; }

    public double Number => Kind == ArabicTokenKind.Number
        ? double.Parse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
        : double.NaN;

    /// <summary>
    /// The clitics a phrase's first word may carry that the normalisation leaves on: a leading و/ف (of a word of three
    /// letters or more), then ب/ل/ك (with at least three letters after it). Returns how many letters each form leaves
    /// out, 0 when the word has no such clitic.
    /// </summary>
    public static (int Conjunction, int Preposition) Clitics(ReadOnlySpan<char> word)
    {
        var conjunction = word.Length >= 3 && word[0] is 'و' or 'ف' ? 1 : 0;
        var preposition = word.Length - conjunction >= 4 && word[conjunction] is 'ب' or 'ل' or 'ك' ? conjunction + 1 : 0;
        return (conjunction, preposition);
    }
}
