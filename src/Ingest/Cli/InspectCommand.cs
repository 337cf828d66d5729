using AleppoDashboard.Data.Facts;
using System.Text.Encodings.Web;
using System.Text.Json;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Ingest.Metadata;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// <c>inspect &lt;file&gt;...</c>: what the ingest would store for each file, without a database. One JSON object a line
/// per article (a JSON Lines or feed file gives one per item): headline, body, published, outlet, url, language, author,
/// where each came from, warnings, and the facts extraction finds, each with its sentence. A rejected file or item gives
/// a line with its reason. The manifest.csv beside a file applies, as in an ingest.
/// </summary>
public static class InspectCommand
{
    static readonly JsonSerializerOptions Json = new()
    {
        // Arabic and accented text stay readable in a terminal; this is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, ReferenceFiles reference, long maxBytes, TextWriter output, TextWriter errors)
    {
        var outlets = reference.ReadOutlets();
        var extractor = new FactExtractor(reference.ReadGazetteer(), reference.ReadLexicon(), reference.ReadSources(), reference.ReadCues(), reference.ReadArabicCues());
        var textResolver = new MetadataResolver(outlets);
        var resolver = new DocumentMetadataResolver(outlets, textResolver);
        var inputs = new InputReader(new ArticleFileReader(maxBytes));
        var anyRejected = false;
        foreach (var path in paths)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var file = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                await errors.WriteLineAsync($"error: '{path}' does not exist.");
                anyRejected = true;
                continue;
            }
            var (manifest, _) = ManifestReader.Read(folder);
            var row = manifest.GetValueOrDefault(ManifestReader.KeyOf(file));
            foreach (var item in inputs.Read(folder, file))
            {
                if (item.Text is not { } text)
                {
                    anyRejected = true;
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { file = path, source = item.Key, rejected = item.Rejected }, Json));
                    continue;
                }
                var meta = resolver.Resolve(row, text);
                var rows = DerivedRows.Of(text.Headline, text.Body, meta.OutletName, extractor, meta.Language);
                await output.WriteLineAsync(JsonSerializer.Serialize(Describe(path, item.Key, text, meta, rows), Json));
            }
        }
        return anyRejected ? IngestProgram.SomeRejected : IngestProgram.Ok;
    }

    static object Describe(string path, string source, LoadedText text, ArticleMetadata meta, DerivedRows rows)
    {
        var facts = rows.Facts;
        return new
        {
            file = path,
            source,
            headline = text.Headline,
            body = text.Body,
            published = meta.Published is { } p ? p.Date.ToString("yyyy-MM-dd") : null,
            date_precision = meta.Published?.Precision.ToString().ToLowerInvariant(),
            outlet = meta.OutletName,
            outlet_slug = meta.OutletSlug,
            url = meta.Url,
            language = meta.Language,
            author = meta.Author,
            origins = meta.Origins,
            warnings = text.Warnings,
            notes = meta.Notes,
            sentences = rows.Sentences.Count,
            facts = new
            {
                places = facts.Mentions.Select(m => new { place = m.PlaceId, matched = m.MatchedText, sentence_index = m.Sentence.Index, sentence = m.Sentence.Text }),
                control_claims = facts.Claims.Select(c => new
                {
                    value_percent = c.ValuePercent, scope = c.Scope, kind = c.Kind.ToText(), hedge = c.Hedge.ToText(), attributed_to = c.AttributedTo,
                    matched = c.MatchedText, sentence_index = c.Sentence.Index, sentence = c.Sentence.Text,
                }),
                sources = facts.Attributions.Select(a => new { source = a.Source, kind = a.SourceKind, matched = a.MatchedText, sentence_index = a.Sentence.Index, sentence = a.Sentence.Text }),
                framing_terms = facts.TermHits.Select(t => new { term = t.TermId, matched = t.MatchedText, sentence_index = t.Sentence.Index, sentence = t.Sentence.Text }),
            },
        };
    }
}
