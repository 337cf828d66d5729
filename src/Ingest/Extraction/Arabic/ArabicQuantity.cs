using AleppoDashboard.Data.Facts;
namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>A share found in tokens [First, End): a percentage, a word fraction, or a count out of a total.</summary>
public readonly record struct ArabicQuantity(int First, int End, double Value, ClaimKind Kind, int? Count = null, int? Of = null);

/// <summary>
/// The shares of a sentence: "78%", "%80", "96 %", "٧٨٪", "70 في المئة", "تسعين بالمئة", "خمسة وثمانين بالمئة"; the word
/// fractions (ثلث، نصف، مناصفة، ثلثي، ربع، ثلاثة أرباع); "35 حيا من أصل 40". A number with neither a percent word nor a
/// total ("22 حيا") is no share.
/// </summary>
public static class ArabicQuantities
{
    public static List<ArabicQuantity> Find(List<ArabicToken> tokens, ArabicCues cues)
    {
        var found = new List<ArabicQuantity>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (cues.At("fraction", tokens, i) is { } fraction)
            {
                found.Add(new(i, fraction.End, ArabicCues.Number(fraction.Value), ClaimKind.Fraction));
                i = fraction.End - 1;
                continue;
            }
            if (NumberAt(tokens, i, cues) is { } number)
            {
                if (PercentAfter(tokens, number.End, cues) is { } percentEnd && number.Value <= 100)
                {
                    found.Add(new(i, percentEnd, number.Value, ClaimKind.Area));
                    i = percentEnd - 1;
                    continue;
                }
                if (i > 0 && tokens[i - 1].Kind == ArabicTokenKind.Percent && tokens[i].Kind == ArabicTokenKind.Number && number.Value <= 100)
                {
                    found.Add(new(i - 1, number.End, number.Value, ClaimKind.Area)); // "%80": the sign written first
                    i = number.End - 1;
                    continue;
                }
                if (CountOf(tokens, number, cues) is { } count)
                {
                    found.Add(count);
                    i = count.End - 1;
                    continue;
                }
                i = number.End - 1;
            }
        }
        return found;
    }

    /// <summary>Digits, or a number word with an added "و..." ("خمسة وثمانين").</summary>
    static (double Value, int End)? NumberAt(List<ArabicToken> tokens, int i, ArabicCues cues)
    {
        if (tokens[i].Kind == ArabicTokenKind.Number) return (tokens[i].Number, i + 1);
        if (cues.At("number", tokens, i) is not { } word) return null;
        var value = ArabicCues.Number(word.Value);
        var end = word.End;
        if (end < tokens.Count && tokens[end].Text.StartsWith('و') && cues.At("number", tokens, end) is { Strip: > 0 } tens)
        {
            value += ArabicCues.Number(tens.Value);
            end = tens.End;
        }
        return (value, end);
    }

    static int? PercentAfter(List<ArabicToken> tokens, int at, ArabicCues cues)
    {
        if (at >= tokens.Count) return null;
        if (tokens[at].Kind == ArabicTokenKind.Percent) return at + 1;
        return cues.At("percent", tokens, at)?.End;
    }

    /// <summary>"35 حيا من أصل 40" or "35 من أصل 40 حيا": a count of neighbourhoods out of a total.</summary>
    static ArabicQuantity? CountOf(List<ArabicToken> tokens, (double Value, int End) count, ArabicCues cues)
    {
        var at = count.End;
        var unit = cues.At("unit", tokens, at);
        if (unit is not null) at = unit.Value.End;
        if (cues.At("count-of", tokens, at) is not { } of) return null;
        if (of.End >= tokens.Count || tokens[of.End].Kind != ArabicTokenKind.Number) return null;
        var total = tokens[of.End].Number;
        var end = of.End + 1;
        if (cues.At("unit", tokens, end) is { } after) end = after.End;
        else if (unit is null) return null;
        if (total <= 0 || count.Value > total || count.Value != Math.Floor(count.Value)) return null;
        return new ArabicQuantity(FirstOfNumber(tokens, count.End), end, Math.Round(100 * count.Value / total, 2), ClaimKind.NeighbourhoodCount, (int)count.Value, (int)total);
    }

    static int FirstOfNumber(List<ArabicToken> tokens, int end)
    {
        // the count is one token (digits) or a number word, maybe with its "و..." tens
        var first = end - 1;
        if (first > 0 && tokens[first].Kind == ArabicTokenKind.Word && tokens[first].Text.StartsWith('و') && tokens[first - 1].IsWord) first--;
        return first;
    }
}
