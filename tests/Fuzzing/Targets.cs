using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Files.Feeds;
using AleppoDashboard.Ingest.Files.Html;
using AleppoDashboard.Ingest.Files.JsonLines;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Primitives;
using static AleppoDashboard.Fuzzing.Properties;

namespace AleppoDashboard.Fuzzing;

/// <summary>
/// Every reader and parser under fuzzing. The property for each: every input ends in an article (or items) or a
/// one-line reason (<see cref="FileRejectedException"/>, a filter error, a search error), never another exception.
/// </summary>
public static class Targets
{
    static readonly Lazy<MetadataResolver> Resolver = new(() => new MetadataResolver(new ReferenceFiles(ReferenceFiles.DefaultFolder).ReadOutlets()));

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new FuzzTarget<byte[]>("txt", Inputs.TextFile, TextFile, Print),
        new FuzzTarget<string>("manifest", Inputs.ManifestText, Manifest, Print),
        new FuzzTarget<KeyValuePair<string, string>[]>("filter", Inputs.Query, Filter, q => string.Join("&", q.Select(p => Print(p.Key) + "=" + Print(p.Value)))),
        new FuzzTarget<string>("search", Inputs.SearchText, Search, Print),
        new FuzzTarget<byte[]>("html", Inputs.HtmlFile, bytes => Article(() => HtmlPageReader.Parse(bytes)), Print),
        new FuzzTarget<byte[]>("jsonl", Inputs.JsonLinesFile, bytes => Items(() => JsonLinesReader.Parse("fuzz.jsonl", bytes)), Print),
        new FuzzTarget<byte[]>("feed", Inputs.FeedFile, bytes => Items(() => FeedFileReader.Parse("fuzz.rss", bytes)), Print),
    ];

    /// <summary>The .txt reader, then the text heuristics that find an outlet and a date when no manifest row gives them.</summary>
    static void TextFile(byte[] bytes)
    {
        if (Article(() => ArticleFileReader.Parse(bytes)) is { } text)
        {
            Resolver.Value.Resolve(null, text.FullText);
        }
    }

    static LoadedText? Article(Func<LoadedText> read)
    {
        LoadedText text;
        try
        {
            text = read();
        }
        catch (FileRejectedException e)
        {
            OneLine(e.Message, "the reason a file is rejected");
            return null;
        }
        Require(!string.IsNullOrWhiteSpace(text.FullText), "an article was read with no text");
        foreach (var warning in text.Warnings) OneLine(warning, "a warning");
        return text;
    }

    static void Items(Func<IReadOnlyList<LoadedItem>> read)
    {
        IReadOnlyList<LoadedItem> items;
        try
        {
            items = read();
        }
        catch (FileRejectedException e)
        {
            OneLine(e.Message, "the reason a file is rejected");
            return;
        }
        foreach (var item in items)
        {
            Require(item.Text is null != (item.Rejected is null), $"item {item.Key} is neither an article nor a rejection (or both)");
            if (item.Rejected is { } reason) OneLine(reason, "the reason an item is rejected");
            else
            {
                Require(!string.IsNullOrWhiteSpace(item.Text!.FullText), $"item {item.Key} was read with no text");
                foreach (var warning in item.Text.Warnings) OneLine(warning, "a warning");
            }
        }
    }

    /// <summary>The manifest's rows, then each row's outlet and date as the metadata resolver reads them.</summary>
    static void Manifest(string text)
    {
        var (rows, problems) = ManifestReader.Parse(new StringReader(text));
        foreach (var problem in problems) OneLine(problem, "a manifest problem");
        foreach (var row in rows.Values)
        {
            var metadata = Resolver.Value.Resolve(row, "Army takes Hanano\n\nGovernment forces took Hanano on Sunday, a military source said.");
            Require(metadata is not null, "no metadata");
        }
    }

    /// <summary>The filter of a query string: valid, or reasons (the web app's 400); a valid filter's links read back as the same filter.</summary>
    static void Filter(KeyValuePair<string, string>[] query)
    {
        var grouped = query.GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => KeyValuePair.Create(g.Key, new StringValues(g.Select(p => p.Value).ToArray())));
        var parsed = FilterParser.Parse(grouped);
        foreach (var error in parsed.Errors) OneLine(error, "a filter error");
        if (!parsed.IsValid) return;
        var again = FilterParser.Parse(parsed.Filter.ToQueryPairs().GroupBy(p => p.Key).Select(g => KeyValuePair.Create(g.Key, new StringValues(g.Select(p => p.Value).ToArray()))));
        Require(again.IsValid, $"the filter's own link is refused: {string.Join(" ", again.Errors)}");
        Require(again.Filter.CacheKey == parsed.Filter.CacheKey, $"the filter's own link reads as another filter: {parsed.Filter.CacheKey} → {again.Filter.CacheKey}");
        if (parsed.Filter.Text is { } text) Search(text);
    }

    [ThreadStatic] static SqliteConnection? fts;

    /// <summary>The search box: an error on one line, or an FTS5 expression that SQLite accepts (run against a real FTS5 table).</summary>
    static void Search(string text)
    {
        var query = SearchQuery.Parse(text);
        if (query.Error is { } error)
        {
            OneLine(error, "a search error");
            return;
        }
        if (query.Match is null) return; // nothing to search for: no text condition
        using var command = Fts().CreateCommand();
        command.CommandText = "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH $match";
        command.Parameters.AddWithValue("$match", query.Match);
        command.ExecuteScalar();
    }

    /// <summary>An in-memory FTS5 table made as the app makes its own (same tokenizer), one per thread.</summary>
    static SqliteConnection Fts()
    {
        if (fts is not null) return fts;
        fts = new SqliteConnection("Data Source=:memory:");
        fts.Open();
        using var create = fts.CreateCommand();
        create.CommandText = """
            CREATE VIRTUAL TABLE sentence_fts USING fts5("Text", tokenize='unicode61 remove_diacritics 2');
            INSERT INTO sentence_fts("Text") VALUES ('Government forces took control of Hanano, a military source said.'), ('قالت مصادر إن القوات سيطرت على حلب الشرقية');
            """;
        create.ExecuteNonQuery();
        return fts;
    }
}
