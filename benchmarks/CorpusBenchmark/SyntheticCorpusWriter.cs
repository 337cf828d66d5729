using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AleppoDashboard.Data.Reference;
using CsvHelper;

namespace AleppoDashboard.CorpusBenchmark;

/// <summary>
/// Writes N seed-like article files and a manifest.csv into a folder: sentences of the seed articles recombined
/// with template sentences naming gazetteer places and control shares (sentence-templates.txt), spread over
/// ~20 outlets (outlet-names.txt, most frequent first) and dates from September to December 2016, weighted
/// towards the December offensive. A fixed random seed makes the same corpus every time.
/// </summary>
public sealed partial class SyntheticCorpusWriter
{
    static readonly DateOnly FirstDay = new(2016, 9, 1);
    const int Days = 122; // Sep 1 .. Dec 31
    static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    readonly string[] seedSentences;
    readonly string[] templates;
    readonly string[] placeNames;
    readonly string[] outlets;

    public SyntheticCorpusWriter(string seedsFolder, ReferenceFiles reference, string dataFolder)
    {
        seedSentences = Directory.EnumerateFiles(seedsFolder, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllLines(f).Skip(1))
            .SelectMany(line => SentenceBreak().Split(line.Trim()))
            .Where(s => s.Length is >= 40 and <= 400)
            .ToArray();
        templates = DataLines(Path.Combine(dataFolder, "sentence-templates.txt"));
        outlets = DataLines(Path.Combine(dataFolder, "outlet-names.txt"));
        placeNames = reference.ReadGazetteer()
            .SelectMany(p => new[] { p.Name }.Concat(p.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(n => n.Length > 0)
            .ToArray();
    }

    /// <summary>Writes the corpus unless the folder already holds one of the same size; returns true when it wrote.</summary>
    public bool Write(string folder, int count)
    {
        var manifestPath = Path.Combine(folder, "manifest.csv");
        var donePath = Path.Combine(folder, $".complete-{count}");
        if (File.Exists(donePath))
        {
            return false;
        }
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var random = new Random(2016);
        using (var manifest = CsvWriter.Create(File.Create(manifestPath), new CsvWriterOptions(), leaveOpen: false))
        {
            manifest.WriteHeader(["file", "outlet", "url", "published", "notes"]);
            for (var i = 0; i < count; i++)
            {
                var (headline, body) = Article(random);
                var file = $"{i:D6}_{(uint)HashCode.Combine(i, headline):x8}.txt";
                File.WriteAllText(Path.Combine(folder, file), headline + "\n\n" + body, new UTF8Encoding(false));
                var outlet = outlets[Zipf(random, outlets.Length)];
                // Later days are likelier (the offensive peaked in late November and December); 3% have no date.
                var day = (int)(Days * Math.Sqrt(random.NextDouble()));
                var published = random.NextDouble() < 0.03 ? "" : FirstDay.AddDays(Math.Min(day, Days - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                manifest.WriteField(file);
                manifest.WriteField(outlet);
                manifest.WriteField(random.NextDouble() < 0.5 ? $"https://example.org/{i}" : "");
                manifest.WriteField(published);
                manifest.WriteField("synthetic benchmark article");
                manifest.EndRecord();
            }
        }
        File.WriteAllText(donePath, "");
        return true;
    }

    (string Headline, string Body) Article(Random random)
    {
        var headline = Fill(templates[random.Next(templates.Length)], random).TrimEnd('.');
        var body = new StringBuilder();
        var sentences = random.Next(14, 27);
        for (var s = 0; s < sentences; s++)
        {
            body.Append(random.NextDouble() < 0.55 ? seedSentences[random.Next(seedSentences.Length)] : Fill(templates[random.Next(templates.Length)], random));
            body.Append(s % 3 == 2 ? "\n\n" : " ");
        }
        return (headline, body.ToString().TrimEnd() + "\n");
    }

    string Fill(string template, Random random) => template
        .Replace("{place}", placeNames[random.Next(placeNames.Length)])
        .Replace("{place2}", placeNames[random.Next(placeNames.Length)])
        .Replace("{pct}", random.Next(30, 99).ToString(CultureInfo.InvariantCulture))
        .Replace("{n}", random.Next(3, 250).ToString(CultureInfo.InvariantCulture))
        .Replace("{day}", Weekdays[random.Next(Weekdays.Length)]);

    /// <summary>An index in [0, n) with probability falling as 1/(i+1): a few outlets write most articles.</summary>
    static int Zipf(Random random, int n)
    {
        var total = 0.0;
        for (var i = 1; i <= n; i++) total += 1.0 / i;
        var x = random.NextDouble() * total;
        for (var i = 1; i <= n; i++)
        {
            x -= 1.0 / i;
            if (x <= 0) return i - 1;
        }
        return n - 1;
    }

    static string[] DataLines(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [GeneratedRegex(@"(?<=[.!?][""”’]?)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceBreak();
}
