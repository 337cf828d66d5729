using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// Issue 18's "first request of any filter": for each page, API and export, <c>perPage</c> filters nobody asked for before,
/// each requested once by one client, never repeated (no URL, and no filter, is shared between two pages either, so no
/// page gets another page's per-filter caches for free). The filters come from a fixed seed: a search word, one to
/// three outlets, a date range, a place, and combinations of them. Pages are timed to the last byte, exports to the
/// first byte (then the download is dropped).
/// </summary>
public static partial class FirstRequestProbe
{
    public static readonly string[] Pages =
    [
        "/", "/articles", "/map", "/control", "/compare", "/compare?topic=claims", "/api/map.geojson", "/api/claims",
        "/export/articles.csv", "/export/outlets.csv", "/export/map.csv", "/export/control.csv", "/export/claims.csv",
        "/export/mentions.csv", "/export/compare.csv",
    ];

    /// <summary>Distinct filter query strings, deterministic for a seed and the vocabularies.</summary>
    public static List<string> Filters(int count, int seed, IReadOnlyList<string> words, IReadOnlyList<string> outlets, IReadOnlyList<string> places)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var filters = new List<string>(count);
        var start = new DateOnly(2016, 9, 1);
        while (filters.Count < count)
        {
            // Which parts this filter has: every non-empty combination of q, outlets, dates and place, q-only and
            // outlets-only a little more often (the commonest first steps of a reader).
            var parts = random.Next(1, 16);
            if (random.Next(4) == 0) parts = random.Next(2) == 0 ? 1 : 2;
            var query = new List<string>();
            if ((parts & 1) != 0) query.Add("q=" + Uri.EscapeDataString(words[random.Next(words.Count)]));
            if ((parts & 2) != 0)
            {
                foreach (var outlet in outlets.OrderBy(_ => random.Next()).Take(random.Next(1, 4))) query.Add("outlet=" + outlet);
            }
            if ((parts & 4) != 0)
            {
                var from = start.AddDays(random.Next(0, 110));
                var to = from.AddDays(random.Next(3, 60));
                query.Add(string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
            }
            if ((parts & 8) != 0) query.Add("place=" + places[random.Next(places.Count)]);
            var text = string.Join("&", query);
            if (seen.Add(text)) filters.Add(text);
        }
        return filters;
    }

    /// <summary>Search words: the words of the corpus's sentence templates (four letters or more) and place names.</summary>
    public static List<string> Words(string templatesFile, IEnumerable<string> placeNames) =>
        File.ReadLines(templatesFile).Where(l => !l.StartsWith('#'))
            .SelectMany(l => WordPattern().Matches(BracePattern().Replace(l, " ")).Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length >= 4)
            .Concat(placeNames)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Requests each page's new filters once; returns p50, p95 and max (ms) and the errors per page.</summary>
    public static async Task<Dictionary<string, (double P50, double P95, double Max, int Errors)>> RunAsync(HttpClient client, int perPage, IReadOnlyList<string> words, IReadOnlyList<string> outlets,
        IReadOnlyList<string> places, Action<string> line, string? only, string? skip)
    {
        // Filters are dealt to every page of the full list, so a page gets the same URLs whichever pages a run leaves out.
        var filters = Filters(perPage * Pages.Length, 18, words, outlets, places);
        var skipped = skip?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var pages = Pages.Select((Path, Index) => (Path, Index))
            .Where(p => only is null || p.Path == only || p.Path.StartsWith(only + "?", StringComparison.Ordinal))
            .Where(p => !skipped.Any(s => p.Path.Contains(s, StringComparison.Ordinal))).ToList();
        line($"- first-request probe: {perPage} distinct filters per page, seed 18, one client, each URL requested once; load before: {LoadAverage()}");
        line("");
        var results = new Dictionary<string, (double P50, double P95, double Max, int Errors)>();
        line("| page | URLs | errors | p50 ms | p95 ms | max ms | measured to | slowest URL |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var (page, p) in pages)
        {
            var export = page.StartsWith("/export/", StringComparison.Ordinal);
            var times = new List<(double Ms, string Url)>();
            var errors = 0;
            foreach (var filter in filters.Skip(p * perPage).Take(perPage))
            {
                var url = page + (page.Contains('?') ? "&" : "?") + filter;
                var (ok, ms) = await TimeAsync(client, url, export);
                if (!ok) errors++;
                times.Add((ms, url));
            }
            var sorted = times.OrderBy(t => t.Ms).ToList();
            results[page] = (Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[^1].Ms, errors);
            line(string.Create(CultureInfo.InvariantCulture,
                $"| `{page}` | {times.Count} | {errors} | {Percentile(sorted, 0.5):0} | {Percentile(sorted, 0.95):0} | {sorted[^1].Ms:0} | {(export ? "first byte" : "last byte")} | `{sorted[^1].Url}` |"));
        }
        line("");
        line($"- load after the probe: {LoadAverage()}");
        return results;
    }

    static async Task<(bool Ok, double Ms)> TimeAsync(HttpClient client, string url, bool toFirstByte)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            if (toFirstByte)
            {
                // The first bytes of the body, not only the headers: a streamed export that sends its headers early
                // would otherwise look fast.
                var read = await body.ReadAsync(buffer);
                return (response.IsSuccessStatusCode && read > 0, clock.Elapsed.TotalMilliseconds);
            }
            while (await body.ReadAsync(buffer) > 0)
            {
            }
            return (response.IsSuccessStatusCode, clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
        {
            return (false, clock.Elapsed.TotalMilliseconds);
        }
    }

    static double Percentile(List<(double Ms, string Url)> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)].Ms;

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex BracePattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
