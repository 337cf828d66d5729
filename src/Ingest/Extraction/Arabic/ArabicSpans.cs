using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>Spans in the original text of what was matched on normalised tokens.</summary>
public static class ArabicSpans
{
    /// <summary>
    /// Where a matched word starts in the original text once <paramref name="strip"/> clitic letters are left out, plus
    /// those the normalisation left out before the article ("بالشيخ" → "الشيخ"; "للسكري" keeps its lam-lam).
    /// </summary>
    public static int SkipLetters(string text, ArabicToken token, int strip)
    {
        var letters = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            if (ArabicNormalization.FoldChar(text[i]) != ArabicNormalization.Dropped) letters++;
        }
        var skip = Math.Max(0, letters - token.Text.Length) + strip;
        if (skip == 0) return token.Start;
        var at = token.Start;
        while (at < token.End && skip > 0)
        {
            if (ArabicNormalization.FoldChar(text[at]) != ArabicNormalization.Dropped) skip--;
            at++;
        }
        while (at < token.End && ArabicNormalization.FoldChar(text[at]) == ArabicNormalization.Dropped) at++;
        return at;
    }
}
