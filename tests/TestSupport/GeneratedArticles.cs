using System.Globalization;
using System.Text;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Writes a folder of small seed-like articles (headline, dateline, a few sentences naming places, sources and
/// claims) with a manifest, for tests that need a batch large enough to take seconds to load.
/// </summary>
public static class GeneratedArticles
{
    static readonly string[] Outlets = ["Reuters", "AFP", "Tasnim News Agency", "Press TV", "Al Jazeera"];
    static readonly string[] Places = ["Aleppo", "Hanano", "Sakhour", "Bustan al-Qasr", "Sheikh Saeed", "Ansari", "Salaheddine", "Jabal Badro", "Masaken Hanano", "Tariq al-Bab"];
    static readonly string[] Sources = ["the Syrian Observatory for Human Rights", "a military source", "state news agency SANA", "rebel officials", "the White Helmets"];

    /// <summary>
    /// Writes <paramref name="count"/> articles named <c>{prefix}_00001.txt</c>… and their rows in manifest.csv (rows of
    /// other files already there are kept); returns the file names. A <paramref name="revision"/> above 0 writes a
    /// changed text (another headline and one more paragraph) under the same names.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, int count, string prefix = "gen", int seed = 7, int revision = 0)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var names = new List<string>(count);
        var manifestPath = Path.Combine(folder, "manifest.csv");
        var rows = File.Exists(manifestPath) ? File.ReadAllLines(manifestPath).Skip(1).ToList() : [];
        for (var i = 1; i <= count; i++)
        {
            var name = $"{prefix}_{i:D5}.txt";
            var date = new DateOnly(2016, 9, 1).AddDays(random.Next(0, 110));
            File.WriteAllText(Path.Combine(folder, name), Text(prefix, i, date, random, revision));
            rows.RemoveAll(r => r.StartsWith(name + ",", StringComparison.Ordinal));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{Outlets[i % Outlets.Length]},,{date:yyyy-MM-dd},generated"));
            names.Add(name);
        }
        File.WriteAllLines(manifestPath, ["file,outlet,url,published,notes", .. rows]);
        return names;
    }

    static string Text(string prefix, int i, DateOnly date, Random random, int revision)
    {
        string Place() => Places[random.Next(Places.Length)];
        string Source() => Sources[random.Next(Sources.Length)];
        var text = new StringBuilder();
        var revised = revision > 0 ? $", revision {revision}" : "";
        text.Append(CultureInfo.InvariantCulture, $"Fighting reported in {Place()} as army presses offensive ({prefix} report {i}{revised})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"BEIRUT – Syrian government forces advanced in {Place()} on {date:dddd d MMMM yyyy}, {Source()} said.\n\n");
        for (var p = 0; p < 3 + revision; p++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Government forces took control of {Place()} after heavy clashes, according to {Source()}. ");
            text.Append(CultureInfo.InvariantCulture, $"At least {random.Next(2, 60)} people were killed in air strikes on {Place()}, {Source()} reported. ");
            text.Append(CultureInfo.InvariantCulture, $"Rebels said they still held {Place()} and parts of {Place()}.\n\n");
        }
        return text.ToString();
    }
}
