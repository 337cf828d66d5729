namespace AleppoDashboard.Data.Articles;

/// <summary>Which part of an article a sentence's offsets refer to.</summary>
public enum TextPart
{
    Body = 0,
    Headline = 1,
}
