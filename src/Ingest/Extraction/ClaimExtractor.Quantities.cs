using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>The forms of a share: a percentage, a fraction, or a count of neighbourhoods out of a total.</summary>
public sealed partial class ClaimExtractor
{
    Quantity? PercentAt(List<Token> tokens, int i)
    {
        var (value, length) = NumberAt(tokens, i);
        if (length == 0 || value is < 0 or > 100) return null;
        var percent = words.PercentWords.At(tokens, i + length).Length;
        return percent == 0 ? null : new Quantity(i, i + length + percent, value, ClaimKind.Area, null, null, Quantity.NoHints);
    }

    Quantity? FractionAt(List<Token> tokens, int i)
    {
        var (length, value) = words.Fractions.At(tokens, i);
        if (length == 0 || value is null) return null;
        // A bare "third" or "quarter" is a share only where no word stands before it ("Aleppo siege: Third of ..."): not "the Christian quarter of"
        if (length == 1 && !tokens[i].Is("half") && i > 0 && tokens[i - 1].IsWord) return null;
        return new Quantity(i, i + length, value.Value, ClaimKind.Fraction, null, null, Quantity.NoHints);
    }

    /// <summary>"32 of east Aleppo's 40 neighbourhoods", "32 out of 40 districts", "32 neighbourhoods ... out of an original 40".</summary>
    Quantity? CountAt(List<Token> tokens, int i, IReadOnlyList<PhraseHit<Place>> places)
    {
        var (count, countLength) = NumberAt(tokens, i);
        if (countLength == 0 || count < 1) return null;
        var k = i + countLength;
        // this thread's list: most numbers are no count, and the hints are copied into the quantity only when one is
        var hints = scratchHints ??= [];
        hints.Clear();
        var ofLength = OfAt(tokens, k);
        if (ofLength > 0)
        {
            var j = SkipModifiers(tokens, k + ofLength, 5, places, hints);
            var (of, ofNumberLength) = NumberAt(tokens, j);
            if (ofNumberLength > 0 && of >= count)
            {
                var u = SkipModifiers(tokens, j + ofNumberLength, 2, places, hints);
                var unit = words.Units.At(tokens, u).Length;
                if (unit > 0) return Count(i, u + unit, count, of, hints);
                // "raising the number of liberated neighbourhoods to 31 out of 40"
                for (var b = Math.Max(0, i - 6); b < i; b++)
                {
                    if (words.Units.At(tokens, b).Length > 0) return Count(i, j + ofNumberLength, count, of, hints);
                }
            }
            return null;
        }
        var unitAt = SkipModifiers(tokens, k, 2, places, hints);
        var unitLength = words.Units.At(tokens, unitAt).Length;
        if (unitLength == 0) return null;
        for (var m = unitAt + unitLength; m < tokens.Count && m < unitAt + unitLength + 10; m++)
        {
            if (!tokens[m].IsWord && !tokens[m].Is(",")) break;
            var total = OfAt(tokens, m);
            if (total == 0) continue;
            var j = m + total;
            while (j < tokens.Count && words.Determiners.At(tokens, j) is (> 0, _) d) j += d.Item1;
            var (of, ofNumberLength) = NumberAt(tokens, j);
            if (ofNumberLength > 0 && of >= count)
            {
                var end = j + ofNumberLength;
                end += words.Units.At(tokens, end).Length;
                return Count(i, end, count, of, hints);
            }
            break;
        }
        return null;
    }

    [ThreadStatic] static List<string>? scratchHints;

    static Quantity Count(int from, int to, double count, double of, List<string> hints) =>
        new(from, to, count / of * 100, ClaimKind.NeighbourhoodCount, (int)count, (int)of, [.. hints]);

    static int OfAt(List<Token> tokens, int k) =>
        k < tokens.Count && tokens[k].Is("of") ? 1
        : k + 1 < tokens.Count && tokens[k].Is("out") && tokens[k + 1].Is("of") ? 2
        : 0;

    /// <summary>Skips determiners, scope words, possessives and place names (collecting scope hints) up to <paramref name="max"/> tokens.</summary>
    int SkipModifiers(List<Token> tokens, int k, int max, IReadOnlyList<PhraseHit<Place>> places, List<string> hints)
    {
        var limit = k + max;
        while (k < tokens.Count && k < limit)
        {
            if (PlaceAt(tokens, k, places) is { } place)
            {
                if (place.Value.Kind == "city-part" && place.Value.Sector == "east") hints.Add("east");
                k = TokenAfter(tokens, place.End);
                continue;
            }
            var (scopeLength, scope) = words.Scopes.At(tokens, k);
            if (scopeLength > 0) { hints.Add(scope!); k += scopeLength; continue; }
            var (determiner, _) = words.Determiners.At(tokens, k);
            if (determiner > 0) { k += determiner; continue; }
            break;
        }
        return k;
    }

    /// <summary>A number in digits or words ("32", "thirty-two", "two dozen", "a dozen"): its value and token count, or (0, 0).</summary>
    (double Value, int Length) NumberAt(List<Token> tokens, int i)
    {
        var (value, length) = PlainNumberAt(tokens, i);
        if (length == 0 && i + 1 < tokens.Count && tokens[i].Is("a") && tokens[i + 1].Is("dozen")) return (12, 2);
        if (length > 0 && i + length < tokens.Count && tokens[i + length].Is("dozen")) return (value * 12, length + 1);
        return (value, length);
    }

    (double Value, int Length) PlainNumberAt(List<Token> tokens, int i)
    {
        if (i >= tokens.Count) return (0, 0);
        if (tokens[i].Number is { } n) return (n, 1);
        if (!words.NumberWords.TryGetValue(tokens[i].Text, out var tens)) return (0, 0);
        if (tens >= 20 && tens % 10 == 0 && i + 1 < tokens.Count && words.NumberWords.TryGetValue(tokens[i + 1].Text, out var unit) && unit < 10)
        {
            return (tens + unit, 2);
        }
        return (tens, 1);
    }
}
