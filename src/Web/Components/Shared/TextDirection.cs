using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Web.Components.Shared;

/// <summary>
/// Which way a piece of article text reads, from the text itself: right to left (and <c>lang="ar"</c>) when most of its
/// letters are Arabic. Excerpts, quotes and table cells carry it, so an Arabic sentence in an English page lays out
/// right to left in its own box while the page around it stays left to right. An English sentence quoting an Arabic
/// word stays left to right (the first strong letter, as <c>dir="auto"</c> decides, would not).
/// </summary>
public static class TextDirection
{
    public static bool IsArabic(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        int arabic = 0, other = 0;
        foreach (var c in text)
        {
            if (ArabicNormalization.IsArabicLetter(c)) arabic++;
            else if (char.IsLetter(c)) other++;
        }
        return arabic > other;
    }

    /// <summary>"rtl" for Arabic text, else null (no attribute: the element reads as the page does).</summary>
    public static string? Dir(string? text) => IsArabic(text) ? "rtl" : null;

    /// <summary>"ar" for Arabic text, else null.</summary>
    public static string? Lang(string? text) => IsArabic(text) ? "ar" : null;
}
