namespace AleppoDashboard.Ingest.Extraction.Arabic;

public enum ArabicTokenKind { Word, Number, Percent, Break }

/// <summary>
/// A word, number, percent sign or clause break of a sentence: its span in the sentence and its normalised text
/// (<see cref="Data.Text.ArabicNormalization"/>; a number's value in ASCII digits).
/// </summary>
public readonly record struct ArabicToken(int Start, int End, string Text, ArabicTokenKind Kind)
{
    public bool IsWord => Kind == ArabicTokenKind.Word;

    public double Number => Kind == ArabicTokenKind.Number
        ? double.Parse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
        : double.NaN;
}
