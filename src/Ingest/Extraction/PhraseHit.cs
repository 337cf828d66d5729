namespace AleppoDashboard.Ingest.Extraction;

/// <summary>A phrase found in a text: its span in the original text and what it stands for.</summary>
public readonly record struct PhraseHit<T>(int Start, int Length, T Value)
{
    public int End => Start + Length;
}
