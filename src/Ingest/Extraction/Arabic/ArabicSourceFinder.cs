using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>A source named in an Arabic sentence: its span and its row of sources.csv.</summary>
public readonly record struct ArabicSourceHit(int Start, int End, int FirstToken, SourcePattern Source);

/// <summary>
/// The sources of sources.csv named in Arabic (its patterns written in Arabic: سانا، المرصد السوري، مصدر عسكري...).
/// A pattern of a <c>needs_speech</c> row (الجيش، المعارضة) counts only with a speech word (قال، أعلن، بحسب، وفق) at most
/// <see cref="SpeechReach"/> tokens before or after it.
/// </summary>
public sealed class ArabicSourceFinder
{
    const int SpeechReach = 3;

    readonly ArabicPhraseTable<SourcePattern> patterns;
    readonly ArabicCues cues;

    public ArabicSourceFinder(IReadOnlyList<SourcePattern> sources, ArabicCues cues)
    {
        this.cues = cues;
        patterns = new ArabicPhraseTable<SourcePattern>(cues.Words);
        foreach (var source in sources)
        {
            foreach (var pattern in source.Patterns.Where(p => ArabicNormalization.HasArabic(p))) patterns.Add(pattern, source);
        }
    }

    public List<ArabicSourceHit> Find(string text, List<ArabicToken> tokens)
    {
        var hits = new List<ArabicSourceHit>();
        foreach (var m in patterns.FindAll(tokens))
        {
            if (m.Value.NeedsSpeech && !SpeechNear(tokens, m.First, m.End)) continue;
            hits.Add(new ArabicSourceHit(ArabicSpans.SkipLetters(text, tokens[m.First], m.Strip), tokens[m.End - 1].End, m.First, m.Value));
        }
        return hits;
    }

    bool SpeechNear(List<ArabicToken> tokens, int first, int end)
    {
        for (var i = Math.Max(0, first - SpeechReach); i < Math.Min(tokens.Count, end + SpeechReach); i++)
        {
            if (i >= first && i < end) continue;
            if (cues.At("speech", tokens, i) is not null) return true;
        }
        return false;
    }

    /// <summary>The sentence opens with a speech word and names nobody: "وأضاف أن..." hands its claim to the last speaker.</summary>
    public bool OpensWithSpeech(List<ArabicToken> tokens) => tokens.Count > 0 && cues.At("speech", tokens, 0) is not null;
}
