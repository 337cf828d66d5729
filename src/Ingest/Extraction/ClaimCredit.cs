using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>Small decisions around claims: whether a sentence may hold one, whether its words are a quotation, and who is credited.</summary>
public static class ClaimCredit
{
    /// <summary>A claim needs a fraction, or a number (digits or a number word) with a percent sign, percent word or unit word.</summary>
    public static bool MayClaim(string text, List<PhraseHit<object>> quantityWords)
    {
        bool number = false, measure = false;
        foreach (var hit in quantityWords)
        {
            switch ((string)hit.Value)
            {
                case "fraction": return true;
                case "number": number = true; break;
                default: measure = true; break;
            }
        }
        var span = text.AsSpan();
        // "85pc" is one word to the phrase index; a stray "pc" elsewhere only costs a look
        return (number || span.IndexOfAnyInRange('0', '9') >= 0)
            && (measure || span.Contains('%') || span.Contains("pc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Sets a claim's fields and credit; a share the speaker calls "ours" is turned round for a rebel speaker.</summary>
    public static void Apply(ControlClaim fact, ClaimCandidate claim, SourcePattern? speaker, string outletName)
    {
        if (claim.SpeakerIsActor && speaker?.Side == "rebel") claim = claim.Inverted();
        fact.ValuePercent = claim.ValuePercent;
        fact.Kind = claim.Kind;
        fact.Scope = claim.Scope;
        fact.Count = claim.Count;
        fact.Of = claim.Of;
        fact.Hedge = claim.Hedge;
        fact.StatedPercent = claim.StatedPercent;
        fact.StatedHolder = claim.StatedHolder;
        fact.AttributedTo = speaker?.Name ?? outletName;
    }

    /// <summary>The sentence opens a quotation it does not close: its words are someone's, named later.</summary>
    public static bool OpensQuote(string text)
    {
        int opening = 0, closing = 0, straight = 0;
        foreach (var c in text)
        {
            if (c == '“') opening++;
            else if (c == '”') closing++;
            else if (c == '"') straight++;
        }
        return opening > closing || straight % 2 == 1 && text.TrimStart().StartsWith('"');
    }
}
