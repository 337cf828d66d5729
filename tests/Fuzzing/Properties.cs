namespace AleppoDashboard.Fuzzing;

/// <summary>What every reader's answer must look like.</summary>
public static class Properties
{
    /// <summary>A reason shown to a person: present, on one line, and of a sane length.</summary>
    public static void OneLine(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidOperationException($"{what} is empty");
        if (reason.Contains('\n') || reason.Contains('\r')) throw new InvalidOperationException($"{what} spans several lines: {reason}");
        if (reason.Length > 2000) throw new InvalidOperationException($"{what} is {reason.Length} characters long");
    }

    public static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException(what);
    }

    /// <summary>Bytes printed for a failure report: as text when they decode, else as hex.</summary>
    public static string Print(byte[] bytes) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(bytes)) + $" ({bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 256)))}{(bytes.Length > 256 ? "..." : "")})";

    public static string Print(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
