using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Extraction;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Writes a planned batch: its articles with their sentences and facts in one transaction, so no run (or crash) leaves
/// half an article behind. If the batch fails, its articles are written one at a time so that a single bad article
/// cannot take its batch down with it.
/// </summary>
internal sealed class BatchWriter(IDbContextFactory<DashboardDb> dbs, FactExtractor extractor, IngestStageTimes times, TimeProvider time)
{
    public async Task<IReadOnlyList<FileOutcome>> WriteAsync(List<PlannedFile> planned, LoadState state, BulkLoad? bulk, CancellationToken ct)
    {
        var toWrite = planned.Where(p => p.Write is not null).ToList();
        if (toWrite.Count == 0)
        {
            return planned.Select(p => p.Outcome).ToList();
        }
        try
        {
            await WriteOnceAsync(toWrite, state, bulk, ct);
        }
        catch (Exception batchError) when (batchError is DbUpdateException or SqliteException or Npgsql.PostgresException)
        {
            for (var i = 0; i < planned.Count; i++)
            {
                if (planned[i].Write is null) continue;
                try
                {
                    await WriteOnceAsync([planned[i]], state, bulk, ct);
                }
                catch (Exception e) when (e is DbUpdateException or SqliteException or Npgsql.PostgresException)
                {
                    planned[i] = planned[i] with { Write = null, Outcome = new(planned[i].Outcome.File, FileStatus.Rejected, [$"could not be stored: {e.InnerException?.Message ?? e.Message}"]) };
                }
            }
        }
        return planned.Select(p => p.Outcome).ToList();
    }

    async Task WriteOnceAsync(IReadOnlyList<PlannedFile> items, LoadState state, BulkLoad? bulk, CancellationToken ct)
    {
        var begin = times.Stage("begin, outlets");
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsPostgres())
        {
            // The SQLite settings below have no PostgreSQL counterpart: a bulk load there is batches of COPY.
            await WriteInTransactionAsync(db, items, state, bulk, begin, ct);
            return;
        }
        // In WAL mode a commit stays atomic and consistent with NORMAL; only a power cut (not a crash of the
        // process) can lose the last commits. Saves an fsync per batch. Applies to this connection only.
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        if (bulk is null)
        {
            await WriteInTransactionAsync(db, items, state, null, begin, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync(bulk.BatchPragmas, ct);
        try
        {
            await WriteInTransactionAsync(db, items, state, bulk, begin, ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(BulkLoad.DefaultPragmas, CancellationToken.None);
        }
    }

    /// <param name="begin">The "begin, outlets" stage, ended once the transaction is open and the outlets are known.</param>
    async Task WriteInTransactionAsync(DashboardDb db, IReadOnlyList<PlannedFile> items, LoadState state, BulkLoad? bulk, StageScope begin, CancellationToken ct)
    {
        IReadOnlyDictionary<string, Outlet> outlets;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        using (begin) outlets = await state.OutletsAsync(db, items.Select(i => i.Write!.Metadata), ct);
        var written = new List<(PendingArticle Pending, Article Article, DerivedRows Rows)>();
        var added = new List<Article>();
        using (times.Stage("fill articles"))
        {
            foreach (var pending in items.Select(i => i.Write!))
            {
                var (article, isNew) = await ArticleToFillAsync(db, pending, ct);
                if (isNew) added.Add(article);
                var outlet = outlets[pending.Metadata.OutletSlug];
                Fill(article, pending, outlet);
                // Derived with the outlet name the article was expected to get; again if it got another.
                var rows = pending.Rows is { } r && r.OutletName == outlet.Name ? r : DerivedRows.Of(article, extractor);
                written.Add((pending, article, rows));
            }
        }
        // New outlets and changed articles through EF; new articles, sentences and facts through the fast inserts
        // (src/Data/FastInsert), all in the same transaction.
        using (times.Stage("EF changes")) await db.SaveChangesAsync(ct);
        using (times.Stage("insert articles"))
        {
            using var articles = RowInserters.For<Article>(db);
            articles.InsertAll(added.Select(article =>
            {
                article.OutletId = article.Outlet.Id;
                return article;
            }));
        }
        (int From, int To) sentenceIds;
        using (var rows = new DerivedRowWriter(db, extractor, times, indexSentences: bulk is null))
        {
            rows.Write(written.Select(w => (w.Article, w.Rows)).ToList(), ct);
            sentenceIds = rows.SentenceIds;
        }
        var indexed = false;
        if (bulk is not null)
        {
            using (times.Stage("fts fill (bulk, a chunk)")) indexed = bulk.IndexSentencesIfDue(db, sentenceIds);
        }
        using (times.Stage("version + commit"))
        {
            await ContentVersion.BumpAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        bulk?.Committed(written.Select(w => (w.Article, w.Rows.Sentences)), sentenceIds, indexed);
        foreach (var outlet in outlets.Values)
        {
            state.Remember(outlet);
        }
        foreach (var (pending, article, _) in written)
        {
            state.Articles[pending.File] = StoredArticle.From(article, pending.Metadata.OutletSlug);
        }
    }

    /// <summary>A changed article is updated in place (same id), its old sentences deleted; a new one is created.</summary>
    static async Task<(Article Article, bool IsNew)> ArticleToFillAsync(DashboardDb db, PendingArticle pending, CancellationToken ct)
    {
        if (pending.ExistingId is not { } id)
        {
            return (new Article { Headline = "", Body = "", SourceFile = pending.File, ContentHash = "" }, true);
        }
        await db.Sentences.Where(s => s.ArticleId == id).ExecuteDeleteAsync(ct);
        return (await db.Articles.SingleAsync(a => a.Id == id, ct), false);
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
        article.Language = meta.Language;
        article.LanguageOrigin = meta.LanguageOrigin;
        article.Url = meta.Url;
        article.ContentHash = pending.Hash;
        article.Notes = pending.Notes.Length == 0 ? null : pending.Notes;
        article.IngestedAt = time.GetUtcNow();
        article.Words = pending.Words ?? ArticleBuilder.WordsOf(pending.Text);
    }
}
