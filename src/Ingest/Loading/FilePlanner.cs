using AleppoDashboard.Data.Articles;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Metadata;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Plans each file of a batch before anything is written: reads and checks it, resolves its outlet and date, decides
/// whether it is new, changed or unchanged, and derives the sentences and facts of those to write. Runs on the thread
/// pool while the <see cref="BatchWriter"/> stores the batch before.
/// </summary>
internal sealed class FilePlanner(ArticleFileReader reader, MetadataResolver metadata, FactExtractor extractor, IngestStageTimes times)
{
    // Files of every input format (pages, JSON Lines, feeds), and the metadata they state themselves.
    readonly InputReader inputs = new(reader);
    readonly DocumentMetadataResolver documents = new(metadata.Outlets, metadata);

    const string ReadStage = "prepare: read, hash, metadata", DeriveStage = "prepare: split + extract";

    /// <summary>
    /// Batches are planned one after the other. Within a batch, reading and deriving run on two threads (each file on
    /// its own: see <see cref="ForEachOnTwoThreads"/>); what depends on the files before (the twin a text is the same
    /// as, the planned outlet names) is settled in file order between.
    /// </summary>
    public Task<List<PlannedFile>> PlanAsync(string folder, string[] batch, IReadOnlyDictionary<string, ManifestRow> manifest, LoadState state, CancellationToken ct) =>
        Task.Run(() =>
        {
            var perFile = new IReadOnlyList<Loaded>[batch.Length];
            ForEachOnTwoThreads(batch.Length, i =>
            {
                using (times.Stage(ReadStage)) perFile[i] = Load(folder, batch[i], manifest.GetValueOrDefault(ManifestReader.KeyOf(batch[i])));
            }, ct);
            // A JSON Lines or feed file holds several articles: each is planned, stored or rejected on its own.
            var loaded = perFile.SelectMany(items => items).ToArray();

            var planned = new PlannedFile[loaded.Length];
            var outletNames = new string?[loaded.Length];
            for (var i = 0; i < loaded.Length; i++)
            {
                planned[i] = Plan(loaded[i].Key, loaded[i], state);
                if (planned[i].Write is { } w) outletNames[i] = state.OutletNameFor(w.Metadata);
            }

            ForEachOnTwoThreads(loaded.Length, i =>
            {
                if (planned[i].Write is not { } w) return;
                DerivedRows rows;
                using (times.Stage(DeriveStage)) rows = DerivedRows.Of(w.Text.Headline, w.Text.Body, outletNames[i], extractor, w.Metadata.Language);
                planned[i] = planned[i] with { Write = w with { Rows = rows, Words = ArticleBuilder.WordsOf(w.Text) } };
            }, ct);
            return planned.ToList();
        }, ct);

    /// <summary>
    /// Runs <paramref name="work"/> for 0 .. count-1 on at most two threads (this one and a thread-pool thread); returns
    /// when all are done. The first exception (a cancellation too) is thrown as it was, not wrapped.
    /// </summary>
    static void ForEachOnTwoThreads(int count, Action<int> work, CancellationToken ct)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>A file read and its outlet and date resolved, or rejected: <see cref="Load"/>'s result.</summary>
    sealed record Loaded(string Key, ManifestRow? Row, LoadedText? Text, ArticleMetadata? Metadata, FileOutcome? Rejected);

    /// <summary>
    /// Reads a file and resolves the metadata of each article in it: depends on no other file, so files are loaded on two
    /// threads. A manifest row describes every article of its file.
    /// </summary>
    IReadOnlyList<Loaded> Load(string folder, string file, ManifestRow? row)
    {
        IReadOnlyList<LoadedItem> items;
        try
        {
            items = inputs.Read(folder, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new(file, row, null, null, new(file, FileStatus.Rejected, [$"cannot be read: {e.Message}"]))];
        }
        return items.Select(item => item.Text is { } text
            ? new Loaded(item.Key, row, text, documents.Resolve(row, text), null)
            : new Loaded(item.Key, row, null, null, new(item.Key, FileStatus.Rejected, [item.Rejected ?? "could not be read."]))).ToList();
    }

    /// <summary>What to do with a loaded file. Called in file order: the first file with a text is the twin the later ones name.</summary>
    static PlannedFile Plan(string file, Loaded loaded, LoadState state)
    {
        if (loaded is not { Text: { } text, Metadata: { } meta })
        {
            return new(loaded.Rejected!, null);
        }
        var row = loaded.Row;
        var hash = text.ContentHash;
        var warnings = text.Warnings.ToList();
        var outcomeWarnings = new List<string>();
        if (row?.Published is { } manifestDate && meta.PublishedOrigin != ValueOrigin.Manifest)
        {
            // Kept in the article's notes by the resolver; said here too so that the run's report shows it.
            outcomeWarnings.Add($"{ManifestReader.FileName} line {row.Line}: published '{manifestDate}' is not a date (use yyyy-MM-dd); the date was taken from the text.");
        }
        if (state.FileByHash.TryGetValue(hash, out var twin) && twin != file)
        {
            warnings.Add($"Same text as '{twin}'; kept as a separate article.");
        }
        state.FileByHash.TryAdd(hash, file);
        var notes = string.Join("\n", meta.Notes.Concat(warnings));
        var existing = state.Articles.GetValueOrDefault(file);
        if (existing is not null && existing.Matches(hash, meta, notes))
        {
            return new(new(file, FileStatus.Unchanged, []), null);
        }
        var status = existing is null ? FileStatus.Added : FileStatus.Updated;
        return new(new(file, status, [.. outcomeWarnings, .. warnings]), new PendingArticle(file, text, meta, hash, notes, existing?.Id));
    }
}

/// <summary>A file to write: its text, metadata and hash, the id it keeps if it changed, and its rows if derived ahead.</summary>
internal sealed record PendingArticle(string File, LoadedText Text, ArticleMetadata Metadata, string Hash, string Notes, int? ExistingId, DerivedRows? Rows = null, int? Words = null);

/// <summary>A planned file: what the run reports for it, and what to write (null when there is nothing to write).</summary>
internal sealed record PlannedFile(FileOutcome Outcome, PendingArticle? Write);
