using System.Text;
using AleppoDashboard.Fuzzing;
using AleppoDashboard.TestSupport;
using CsCheck;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// Generated query strings (the filter fuzzer's inputs, percent-encoded as a browser would, with now and then a raw
/// byte that is not UTF-8) against the real web app on Kestrel: every page, API and export answers 200 or a 400 with a
/// reason, never a 500. A fixed seed: the same requests every run.
/// </summary>
public class WebQueryFuzzTests : IDisposable
{
    readonly DashboardAppFactory app = new();

    static readonly string[] Paths = ["/articles", "/map", "/control", "/compare", "/api/claims", "/api/map.geojson", "/export/articles.csv", "/export/claims.csv"];

    [Fact]
    public async Task GeneratedQueryStringsGetA200OrA400WithAReasonNeverA500()
    {
        using var client = app.CreateRealClient();
        var pcg = new PCG(1, 20161213);
        var failures = new List<string>();
        for (var i = 0; i < 240; i++)
        {
            var query = Inputs.Query.Generate(pcg, null!, out _);
            var url = Paths[i % Paths.Length] + "?" + string.Join("&", query.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status is not (200 or 400)) failures.Add($"{status} {url}");
            else if (status == 400 && !(body.Contains("Bad request", StringComparison.OrdinalIgnoreCase) || body.Contains("role=\"alert\"", StringComparison.Ordinal)))
                failures.Add($"400 without a reason: {url}");
            if (body.Contains("   at ", StringComparison.Ordinal)) failures.Add($"a stack trace: {url}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    /// <summary>Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser sends it); a NUL becomes a raw %FF byte.</summary>
    static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b == 0) encoded.Append("%FF");
            else if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.') encoded.Append((char)b);
            else encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    public void Dispose() => app.Dispose();
}
