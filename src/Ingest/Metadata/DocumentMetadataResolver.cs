using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Metadata;

/// <summary>
/// Decides an article's metadata in the order the ingest trusts its sources: the manifest row, then what the file states
/// (<see cref="DocumentMetadata"/>: a saved page's meta tags and JSON-LD, a JSON record, a feed item), then heuristics
/// (the URL's domain in outlets.csv, the URL's date, datelines and dates in the text, the language of the words).
/// </summary>
public sealed class DocumentMetadataResolver(IReadOnlyList<OutletProfile> outlets, MetadataResolver textResolver)
{
    public ArticleMetadata Resolve(ManifestRow? row, LoadedText text)
    {
        var doc = text.Document ?? new DocumentMetadata();
        var origins = new Dictionary<string, string>();
        // The text heuristics, for what neither the manifest nor the file settles.
        var fromText = textResolver.Resolve(row, text.FullText);
        var notes = new List<string>();
        if (text.Document is null)
        {
            // A plain text file: the text resolver's result as it always was (same notes, so stored articles stay unchanged), and its language.
            var (tag, origin, from) = Language(row, doc, text, notes);
            origins["headline"] = "the first line of the text";
            origins["outlet"] = fromText.OutletOrigin switch { ValueOrigin.Manifest => "manifest", ValueOrigin.Heuristic => "a dateline in the text", _ => "unknown" };
            origins["published"] = fromText.PublishedOrigin switch { ValueOrigin.Manifest => "manifest", ValueOrigin.Heuristic => "the latest date written in the text", _ => "unknown" };
            origins["url"] = row?.Url is null ? "unknown" : "manifest";
            origins["language"] = from;
            return fromText with { Language = tag, LanguageOrigin = origin, Origins = origins, Notes = [.. fromText.Notes, .. notes, .. NotEnglish(tag)] };
        }
        if (row?.Notes is { } manifestNotes) notes.Add(manifestNotes);

        var url = row?.Url ?? doc.Url?.Value;
        origins["url"] = row?.Url is not null ? "manifest" : doc.Url?.From ?? "unknown";
        if (row?.Url is null && doc.Url is { } foundUrl) notes.Add($"URL from {foundUrl.From}.");

        origins["headline"] = doc.Headline?.From ?? "the first line of the text";
        if (doc.Headline is { } headline) notes.Add($"Headline from {headline.From}.");

        var (slug, name, outletOrigin) = (fromText.OutletSlug, fromText.OutletName, fromText.OutletOrigin);
        origins["outlet"] = outletOrigin == ValueOrigin.Manifest ? "manifest" : outletOrigin == ValueOrigin.Heuristic ? "a dateline in the text" : "unknown";
        var outletFromText = true;
        if (outletOrigin != ValueOrigin.Manifest)
        {
            // Stated name, then a domain listed in outlets.csv (the URL's, or a domain given as the outlet), then a guessed name.
            if (doc.Outlet is { Guessed: false } outlet)
            {
                (slug, name, outletOrigin, outletFromText) = (textResolver.SlugFor(outlet.Value), outlet.Value, ValueOrigin.Document, false);
                origins["outlet"] = outlet.From;
                notes.Add($"Outlet '{outlet.Value}' from {outlet.From}.");
            }
            else if ((OutletOfDomain(url) ?? OutletOfDomain(doc.Outlet is { } domain ? "https://" + domain.Value : null)) is { } known)
            {
                (slug, name, outletOrigin, outletFromText) = (known.Outlet.Slug, known.Outlet.Name, ValueOrigin.Heuristic, false);
                origins["outlet"] = $"the domain {known.Domain} (outlets.csv)";
                notes.Add($"Outlet guessed from the domain {known.Domain} (outlets.csv).");
            }
            else if (doc.Outlet is { } guessed && outletOrigin == ValueOrigin.Unknown)
            {
                (slug, name, outletOrigin, outletFromText) = (textResolver.SlugFor(guessed.Value), guessed.Value, ValueOrigin.Heuristic, false);
                origins["outlet"] = guessed.From;
                notes.Add($"Outlet '{guessed.Value}' from {guessed.From} (not in outlets.csv).");
            }
        }

        var (published, publishedOrigin) = (fromText.Published, fromText.PublishedOrigin);
        origins["published"] = publishedOrigin == ValueOrigin.Manifest ? "manifest" : publishedOrigin == ValueOrigin.Heuristic ? "the latest date written in the text" : "unknown";
        if (publishedOrigin != ValueOrigin.Manifest && doc.Published is { } date && (!date.Guessed || published is null || publishedOrigin == ValueOrigin.Heuristic))
        {
            (published, publishedOrigin) = (date.Value, date.Guessed ? ValueOrigin.Heuristic : ValueOrigin.Document);
            origins["published"] = date.From;
            notes.Add($"Date {date.Value.Date:yyyy-MM-dd} from {date.From}.");
        }
        else
        {
            notes.AddRange(fromText.Notes.Where(n => n.StartsWith("Date ", StringComparison.Ordinal) || n.StartsWith("Manifest date", StringComparison.Ordinal)));
        }
        if (outletFromText)
        {
            notes.AddRange(fromText.Notes.Where(n => n.StartsWith("Outlet guessed from '", StringComparison.Ordinal) || n.StartsWith("No manifest row", StringComparison.Ordinal)));
        }

        var (language, languageOrigin, languageFrom) = Language(row, doc, text, notes);
        origins["language"] = languageFrom;
        notes.AddRange(NotEnglish(language));
        if (doc.Author is { } author)
        {
            origins["author"] = author.From;
            notes.Add($"Author: {author.Value} (from {author.From}).");
        }
        return new ArticleMetadata(slug, name, outletOrigin, published, publishedOrigin, url, notes)
        {
            Language = language, LanguageOrigin = languageOrigin, Author = doc.Author?.Value, Origins = origins,
        };
    }

    /// <summary>The flag on an article in a language the extractor does not read (it reads English and Arabic).</summary>
    static IEnumerable<string> NotEnglish(string? language) => LanguageGuess.IsEnglishOrUnknown(language) || Extraction.FactExtractor.IsArabic(language)
        ? []
        : [$"Not English or Arabic ({LanguageGuess.NameOf(language!)}, {language}): stored without extracted facts (the extractor reads English and Arabic)."];

    /// <summary>
    /// The language: the manifest's, else the file's own statement unless the text's script plainly contradicts it (a
    /// template that says <c>lang="en"</c> around Arabic text), else a guess from the words.
    /// </summary>
    static (string? Tag, ValueOrigin Origin, string From) Language(ManifestRow? row, DocumentMetadata doc, LoadedText text, List<string> notes)
    {
        if (row?.Language is { } manifest) return (manifest, ValueOrigin.Manifest, "manifest");
        var guess = LanguageGuess.Guess(text.Headline, text.Body);
        if (doc.Language is { } stated)
        {
            var primary = LanguageGuess.Primary(stated.Value);
            // Overruled only by a plain contradiction: another script, or "en" around text in another language.
            var contradicted = guess is not null && guess != primary && (LanguageGuess.IsLatin(guess) != LanguageGuess.IsLatin(primary) || primary == "en");
            if (!contradicted) return (primary, ValueOrigin.Document, stated.From);
            notes.Add($"The file says its language is '{stated.Value}' ({stated.From}) but the text reads as {LanguageGuess.NameOf(guess!)}; taken as {guess}.");
        }
        return guess is null ? (null, ValueOrigin.Unknown, "unknown") : (guess, ValueOrigin.Heuristic, "the text's words and script");
    }

    (OutletProfile Outlet, string Domain)? OutletOfDomain(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        foreach (var outlet in outlets)
        {
            foreach (var domain in outlet.Domains)
            {
                if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)) return (outlet, domain);
            }
        }
        return null;
    }
}
