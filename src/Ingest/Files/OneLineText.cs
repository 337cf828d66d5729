using System.Text;

namespace AleppoDashboard.Ingest.Files;

/// <summary>
/// A piece of a file quoted in a reason or warning (a parser's message, a title, a value): line breaks and other
/// control characters become spaces, so the reason printed by the ingest stays one line (found by fuzzing: a JSON
/// parser message quoting a line with a carriage return, a feed title of two paragraphs).
/// </summary>
public static class OneLineText
{
    public static string Of(string text)
    {
        if (!text.Any(IsBreak)) return text;
        var line = new StringBuilder(text.Length);
        foreach (var c in text) line.Append(IsBreak(c) ? ' ' : c);
        return line.ToString();
    }

    static bool IsBreak(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
