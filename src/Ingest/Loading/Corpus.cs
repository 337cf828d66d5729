using System.Security.Cryptography;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Extraction;
using AleppoDashboard.Ingest.Files;
using AleppoDashboard.Ingest.Metadata;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// The database opened for work: schema created or upgraded, reference files applied, and derived data
/// rebuilt when the schema or the reference files changed since the last run. Ingest, re-extraction and
/// the web app's first-start seeding all go through here.
/// </summary>
public sealed class Corpus
{
    const string ReferenceHashKey = "reference_hash";

    public required IDbContextFactory<DashboardDb> Databases { get; init; }
    public required CorpusIngestor Ingestor { get; init; }
    public required FactRebuilder Rebuilder { get; init; }
    /// <summary>Set when opening rebuilt every article's sentences and facts, with the reason.</summary>
    public string? RebuiltBecause { get; private init; }

    public static async Task<Corpus> OpenAsync(
        IDbContextFactory<DashboardDb> databases, ReferenceFiles reference, long maxFileBytes, TimeProvider time, CancellationToken ct = default)
    {
        var places = reference.ReadGazetteer();
        var terms = reference.ReadLexicon();
        var outlets = reference.ReadOutlets();
        var extractor = new FactExtractor(places, terms, reference.ReadSources(), reference.ReadCues(), reference.ReadArabicCues());
        var rebuilder = new FactRebuilder(databases, extractor, time);
        string? reason = null;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            var schemaRebuilt = await SchemaInitializer.InitializeAsync(db, ct);
            // A PostgreSQL bulk load that died left its indexes and foreign keys dropped (SQLite's open above
            // creates missing indexes itself).
            if (db.IsPostgres()) await PostgresBulkLoad.RestoreIfAbandonedAsync(db, ct);
            var hash = HashOf(reference);
            var referenceChanged = await SchemaInitializer.GetMetaAsync(db, ReferenceHashKey, ct) != hash;
            if (schemaRebuilt || referenceChanged)
            {
                await ReferenceSync.SyncAsync(db, places, terms, ct);
                if (await db.Articles.AnyAsync(ct))
                {
                    reason = schemaRebuilt ? "the database schema was upgraded" : "the reference files changed";
                    await rebuilder.RebuildAllAsync(ct);
                }
                await SchemaInitializer.SetMetaAsync(db, ReferenceHashKey, hash, ct);
            }
        }
        var ingestor = new CorpusIngestor(databases, new ArticleFileReader(maxFileBytes), new MetadataResolver(outlets), extractor, time);
        return new Corpus { Databases = databases, Ingestor = ingestor, Rebuilder = rebuilder, RebuiltBecause = reason };
    }

    /// <summary>Applies the reference files and rebuilds every article's sentences and facts, whether or not anything changed.</summary>
    public async Task<int> ReextractAsync(ReferenceFiles reference, CancellationToken ct = default)
    {
        await using var db = await Databases.CreateDbContextAsync(ct);
        await ReferenceSync.SyncAsync(db, reference.ReadGazetteer(), reference.ReadLexicon(), ct);
        var count = await Rebuilder.RebuildAllAsync(ct);
        await SchemaInitializer.SetMetaAsync(db, ReferenceHashKey, HashOf(reference), ct);
        return count;
    }

    static string HashOf(ReferenceFiles reference)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ReferenceFiles.AllFiles)
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(reference.Folder, file)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
