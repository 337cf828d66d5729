using AleppoDashboard.Data.Articles;

namespace AleppoDashboard.Ingest.Evaluation;

/// <summary>A stretch of an article: which part (headline or body) and its character range there.</summary>
public readonly record struct TextRange(TextPart Part, int Start, int End)
{
    /// <summary>The shared characters cover at least half of each range: "al-Sukkari" and "Sukkari" agree, "Masaken Hanano" and "Hanano" do not.</summary>
    public bool MostlyOverlaps(TextRange other)
    {
        if (Part != other.Part) return false;
        var shared = Math.Min(End, other.End) - Math.Max(Start, other.Start);
        return shared > 0 && shared * 2 >= End - Start && shared * 2 >= other.End - other.Start;
    }

    public bool Overlaps(TextRange other) => Part == other.Part && Math.Min(End, other.End) > Math.Max(Start, other.Start);

    /// <summary>Every place an annotated string stands in the article, as an exact substring.</summary>
    public static List<TextRange> Find(Article article, string text)
    {
        var found = new List<TextRange>();
        Add(found, TextPart.Headline, article.Headline, text);
        Add(found, TextPart.Body, article.Body, text);
        return found;
    }

    static void Add(List<TextRange> found, TextPart part, string haystack, string text)
    {
        for (var at = haystack.IndexOf(text, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            found.Add(new TextRange(part, at, at + text.Length));
        }
    }

    /// <summary>The sentence a range lies in (the first it touches), for a reader of the report.</summary>
    public static string SentenceOf(Article article, TextRange range)
    {
        foreach (var s in article.Sentences)
        {
            if (s.Part == range.Part && s.Start + s.Length > range.Start && s.Start <= range.Start) return s.Text;
        }
        return "";
    }
}
