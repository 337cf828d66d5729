using System.Diagnostics;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Loads a folder of article files into the database. Idempotent: unchanged files are skipped, changed
/// files update their article in place (same id), and each article is written with its sentences and
/// facts in one transaction, so no run (or crash) leaves half an article behind.
/// </summary>
public sealed class CorpusIngestor(
    IDbContextFactory<DashboardDb> dbs, ArticleFileReader reader, MetadataResolver metadata, FactExtractor extractor, TimeProvider time)
{
    public const int BatchSize = 200;

    // Files of every input format (pages, JSON Lines, feeds), and the metadata they state themselves.
    readonly InputReader inputs = new(reader);
    readonly DocumentMetadataResolver documents = new(metadata.Outlets, metadata);

    /// <summary>
    /// From this many files, a load into a database without articles drops the non-unique indexes and builds them
    /// after the load (<see cref="SchemaInitializer.DropSecondaryIndexesAsync"/>), and fills the full-text index of
    /// sentences once at its end (<see cref="SentenceSearchIndex.RebuildAsync"/>) instead of batch by batch. Pages
    /// served while such a load runs read the new rows without those indexes, and a search finds none of the new
    /// sentences until the load ends. If the process is killed before, the next open completes both.
    /// </summary>
    public const int BulkLoadMinimum = 1000;

    /// <summary>Time per stage over this ingestor's runs (for the corpus benchmark).</summary>
    public IngestStageTimes Times { get; } = new();

    public async Task<IngestReport> IngestFolderAsync(string folder, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The article folder '{folder}' does not exist.");
        }
        var (manifest, manifestProblems) = ManifestReader.Read(folder);
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(IsArticleFile).Order(StringComparer.Ordinal).ToList();
        var problems = manifestProblems.ToList();
        var present = files.Select(ManifestReader.KeyOf).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(manifest.Values.Where(r => !present.Contains(r.File))
            .Select(r => $"{ManifestReader.FileName} line {r.Line}: '{r.File}' is listed but there is no such file in the folder."));

        var outcomes = new List<FileOutcome>(files.Count);
        SharedCopyUpdate? shared = null;
        var clock = Stopwatch.StartNew();
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var state = await LoadState.ReadAsync(db, ct);
            // A large load into an empty database: its non-unique indexes are built once at the end instead of row by row.
            var bulk = state.Articles.Count == 0 && files.Count >= BulkLoadMinimum ? await BulkLoad.StartAsync(db, ct) : null;
            // Two stages: the next batch is read, checked and its sentences and facts derived on another thread while
            // this one is written (one writer, one transaction per batch as before).
            var batches = files.Chunk(BatchSize).ToList();
            var next = batches.Count > 0 ? PrepareBatch(folder, batches[0], manifest, state, ct) : null;
            var loaded = false;
            try
            {
                for (var b = 0; b < batches.Count; b++)
                {
                    var prepared = await next!;
                    next = b + 1 < batches.Count ? PrepareBatch(folder, batches[b + 1], manifest, state, ct) : null;
                    outcomes.AddRange(await IngestBatchAsync(prepared, state, bulk, ct));
                    progress?.Report(new IngestProgress(outcomes.Count, files.Count, clock.Elapsed));
                }
                loaded = true;
            }
            finally
            {
                // Do not leave a derivation running after a failed write.
                if (next is not null) await next.ContinueWith(_ => { }, TaskScheduler.Default);
                // Also after a failure or a cancellation; after a crash, opening the database creates the indexes.
                if (bulk is not null) shared = await bulk.FinishAsync(dbs, db, loaded, stage => Times.Stage(stage), time, ct);
            }
        }
        // Shared copy is a property of the whole corpus: detected again over every sentence once the load is done (and
        // after a run that was killed before it got here, since the stored map is then not current), unless a bulk load
        // detected it from its own sentences.
        if (shared is null)
        {
            var copies = IngestStageTimes.Now();
            shared = await SharedCopyStore.UpdateAsync(dbs, time, ct);
            Times.Add("shared-copy detection", copies);
        }
        return new IngestReport(outcomes, problems, shared);
    }

    /// <summary>An input file: a name with an extension <see cref="InputReader"/> reads, in any case (REPORT.TXT too).</summary>
    public static bool IsArticleFile(string fileName) => InputReader.IsInputFile(fileName);

    /// <summary>
    /// Reads and checks the batch's files and derives the sentences and facts of those to write, on the thread pool
    /// while the writer stores the batch before. Batches are prepared one after the other. Within a batch, reading
    /// and deriving run on two threads (each file on its own: see <see cref="ForEachOnTwoThreads"/>); what depends on
    /// the files before (the twin a text is the same as, the planned outlet names) is settled in file order between.
    /// </summary>
    Task<List<Prepared>> PrepareBatch(string folder, string[] batch, IReadOnlyDictionary<string, ManifestRow> manifest, LoadState state, CancellationToken ct) =>
        Task.Run(() =>
        {
            const string ReadStage = "prepare: read, hash, metadata", DeriveStage = "prepare: split + extract";

            var perFile = new IReadOnlyList<Loaded>[batch.Length];
            ForEachOnTwoThreads(batch.Length, i =>
            {
                var started = IngestStageTimes.Now();
                perFile[i] = Load(folder, batch[i], manifest.GetValueOrDefault(ManifestReader.KeyOf(batch[i])));
                Times.Add(ReadStage, started);
            }, ct);
            // A JSON Lines or feed file holds several articles: each is prepared, stored or rejected on its own.
            var loaded = perFile.SelectMany(items => items).ToArray();

            var prepared = new Prepared[loaded.Length];
            var outletNames = new string?[loaded.Length];
            for (var i = 0; i < loaded.Length; i++)
            {
                prepared[i] = Prepare(loaded[i].Key, loaded[i], state);
                if (prepared[i].Write is { } w) outletNames[i] = state.OutletNameFor(w.Metadata);
            }

            ForEachOnTwoThreads(loaded.Length, i =>
            {
                if (prepared[i].Write is not { } w) return;
                var started = IngestStageTimes.Now();
                var rows = DerivedRows.Of(w.Text.Headline, w.Text.Body, outletNames[i], extractor, w.Metadata.Language);
                Times.Add(DeriveStage, started);
                prepared[i] = prepared[i] with { Write = w with { Rows = rows, Words = WordsOf(w.Text) } };
            }, ct);
            return prepared.ToList();
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

    async Task<IReadOnlyList<FileOutcome>> IngestBatchAsync(List<Prepared> prepared, LoadState state, BulkLoad? bulk, CancellationToken ct)
    {
        var toWrite = prepared.Where(p => p.Write is not null).ToList();
        if (toWrite.Count == 0)
        {
            return prepared.Select(p => p.Outcome).ToList();
        }
        try
        {
            await WriteAsync(toWrite, state, bulk, ct);
        }
        catch (Exception batchError) when (batchError is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Write one by one so that a single bad article cannot take its batch down with it.
            for (var i = 0; i < prepared.Count; i++)
            {
                if (prepared[i].Write is null) continue;
                try
                {
                    await WriteAsync([prepared[i]], state, bulk, ct);
                }
                catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
                {
                    prepared[i] = prepared[i] with { Write = null, Outcome = new(prepared[i].Outcome.File, FileStatus.Rejected, [$"could not be stored: {e.InnerException?.Message ?? e.Message}"]) };
                }
            }
        }
        return prepared.Select(p => p.Outcome).ToList();
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
    static Prepared Prepare(string file, Loaded loaded, LoadState state)
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

    async Task WriteAsync(IReadOnlyList<Prepared> items, LoadState state, BulkLoad? bulk, CancellationToken ct)
    {
        var started = IngestStageTimes.Now();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // In WAL mode a commit stays atomic and consistent with NORMAL; only a power cut (not a crash of the
        // process) can lose the last commits. Saves an fsync per batch. Applies to this connection only.
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        if (bulk is null)
        {
            await WriteInTransactionAsync(db, items, state, null, started, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync(bulk.BatchPragmas, ct);
        try
        {
            await WriteInTransactionAsync(db, items, state, bulk, started, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(BulkLoad.DefaultPragmas, CancellationToken.None);
        }
    }

    async Task WriteInTransactionAsync(DashboardDb db, IReadOnlyList<Prepared> items, LoadState state, BulkLoad? bulk, StageStart started, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outlets = await state.OutletsAsync(db, items.Select(i => i.Write!.Metadata), ct);
        started = Times.Add("begin, outlets", started);
        var written = new List<(PendingArticle Pending, Article Article, DerivedRows Rows)>();
        var added = new List<Article>();
        foreach (var pending in items.Select(i => i.Write!))
        {
            Article article;
            if (pending.ExistingId is { } id)
            {
                await db.Sentences.Where(s => s.ArticleId == id).ExecuteDeleteAsync(ct);
                article = await db.Articles.SingleAsync(a => a.Id == id, ct);
            }
            else
            {
                article = new Article { Headline = "", Body = "", SourceFile = pending.File, ContentHash = "" };
                added.Add(article);
            }
            var outlet = outlets[pending.Metadata.OutletSlug];
            Fill(article, pending, outlet);
            // Derived with the outlet name the article was expected to get; again if it got another.
            var rows = pending.Rows is { } r && r.OutletName == outlet.Name ? r : DerivedRows.Of(article, extractor);
            written.Add((pending, article, rows));
        }
        started = Times.Add("fill articles", started);
        // New outlets and changed articles through EF; new articles, sentences and facts with prepared statements,
        // all in the same transaction.
        await db.SaveChangesAsync(ct);
        started = Times.Add("EF changes", started);
        var model = new DashboardDbModel(db.Model);
        using (var articles = new RowInserter<Article>(model, (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx.GetDbTransaction()))
        {
            articles.InsertAll(added.Select(article =>
            {
                article.OutletId = article.Outlet.Id;
                return article;
            }));
        }
        started = Times.Add("insert articles", started);
        using (var rows = new DerivedRowWriter(db, extractor, Times, indexSentences: bulk is null))
        {
            rows.Write(written.Select(w => (w.Article, w.Rows)).ToList(), ct);
        }
        started = IngestStageTimes.Now();
        await ContentVersion.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
        Times.Add("version + commit", started);
        bulk?.Committed(written.Select(w => (w.Article, w.Rows.Sentences)));
        foreach (var outlet in outlets.Values)
        {
            state.Remember(outlet);
        }
        foreach (var (pending, article, _) in written)
        {
            state.Articles[pending.File] = StoredArticle.From(article, pending.Metadata.OutletSlug);
        }
    }

    void Fill(Article article, PendingArticle pending, Outlet outlet)
    {
        var meta = pending.Metadata;
        article.Outlet = outlet;
        article.OutletOrigin = meta.OutletOrigin;
        article.Headline = pending.Text.Headline;
        article.Body = pending.Text.Body;
        article.Published = meta.Published?.Date;
        article.PublishedPrecision = meta.Published?.Precision ?? DatePrecision.None;
        article.PublishedOrigin = meta.PublishedOrigin;
        article.Url = meta.Url;
        article.Language = meta.Language;
        article.LanguageOrigin = meta.LanguageOrigin;
        article.ContentHash = pending.Hash;
        article.Notes = pending.Notes.Length == 0 ? null : pending.Notes;
        article.IngestedAt = time.GetUtcNow();
        article.Words = pending.Words ?? WordsOf(pending.Text);
    }

    static int WordsOf(LoadedText text) => ArticleBuilder.CountWords(text.Headline) + ArticleBuilder.CountWords(text.Body);

    sealed record PendingArticle(string File, LoadedText Text, ArticleMetadata Metadata, string Hash, string Notes, int? ExistingId, DerivedRows? Rows = null, int? Words = null);

    sealed record Prepared(FileOutcome Outcome, PendingArticle? Write);
}
