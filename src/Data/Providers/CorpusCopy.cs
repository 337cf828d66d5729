using System.Security.Cryptography;
using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AleppoDashboard.Data.Providers;

/// <summary>One table's rows on both sides of a copy, and the hash of its content on each.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long TargetRows, string SourceHash, string TargetHash)
{
    public bool Matches => SourceRows == TargetRows && SourceHash == TargetHash;

    public override string ToString() =>
        $"{Table}: {SourceRows} rows -> {TargetRows} rows, {(SourceHash == TargetHash ? "content hash equal" : "CONTENT HASH DIFFERS")}";
}

/// <summary>
/// Moves a corpus from a SQLite file to an empty PostgreSQL database: every table of the model with its ids (so the
/// article ids in links and exports stay the same), by COPY (binary) in one transaction, then dashboard_meta (content
/// version, reference hash, shared-copy map version: the server needs no rebuild). Then each table is read back from
/// both sides in key order and compared by row count and a SHA-256 of every column's value.
/// </summary>
public static class CorpusCopy
{
    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(DashboardDb source, DashboardDb target, CancellationToken ct)
    {
        if (!target.IsPostgres()) throw new ArgumentException("The target must be a PostgreSQL database.", nameof(target));
        await SchemaInitializer.InitializeAsync(source, ct);
        await SchemaInitializer.InitializeAsync(target, ct);
        if (await target.Articles.AnyAsync(ct) || await target.Places.AnyAsync(ct))
        {
            throw new InvalidOperationException("The PostgreSQL database already holds a corpus; copy into an empty one.");
        }
        await target.Database.OpenConnectionAsync(ct);
        await using (var tx = await target.Database.BeginTransactionAsync(ct))
        {
            var connection = (NpgsqlConnection)target.Database.GetDbConnection();
            // Parents before children (foreign keys).
            Copy(source.Outlets, target, connection);
            Copy(source.Places, target, connection);
            Copy(source.FramingTerms, target, connection);
            Copy(source.Articles, target, connection);
            Copy(source.Sentences, target, connection);
            Copy(source.PlaceMentions, target, connection);
            Copy(source.ControlClaims, target, connection);
            Copy(source.SourceAttributions, target, connection);
            Copy(source.FramingTermHits, target, connection);
            Copy(source.SharedCopyTexts, target, connection);
            Copy(source.SharedCopySentences, target, connection);
            Copy(source.SharedCopyHeads, target, connection);
            var meta = await source.Database.SqlQueryRaw<MetaRow>("SELECT key AS \"Key\", value AS \"Value\" FROM dashboard_meta").ToListAsync(ct);
            foreach (var row in meta.Where(m => m.Key != "shared_copies_started"))
            {
                await SchemaInitializer.SetMetaAsync(target, row.Key, row.Value, ct);
            }
            await tx.CommitAsync(ct);
        }
        return
        [
            await CompareAsync(source.Outlets, target.Outlets, ct),
            await CompareAsync(source.Places, target.Places, ct),
            await CompareAsync(source.FramingTerms, target.FramingTerms, ct),
            await CompareAsync(source.Articles, target.Articles, ct),
            await CompareAsync(source.Sentences, target.Sentences, ct),
            await CompareAsync(source.PlaceMentions, target.PlaceMentions, ct),
            await CompareAsync(source.ControlClaims, target.ControlClaims, ct),
            await CompareAsync(source.SourceAttributions, target.SourceAttributions, ct),
            await CompareAsync(source.FramingTermHits, target.FramingTermHits, ct),
            await CompareAsync(source.SharedCopyTexts, target.SharedCopyTexts, ct),
            await CompareAsync(source.SharedCopySentences, target.SharedCopySentences, ct),
            await CompareAsync(source.SharedCopyHeads, target.SharedCopyHeads, ct),
        ];
    }

    /// <summary>Every row of the table, streamed from SQLite into one COPY, ids as they are; the identity sequence moved past them.</summary>
    static void Copy<T>(DbSet<T> rows, DashboardDb target, NpgsqlConnection connection) where T : class
    {
        var entity = target.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        var columns = properties.Select(CopyInserter<T>.Column).ToArray();
        // Names come from the EF model, never from input.
        var sql = $"COPY \"{table}\" ({string.Join(", ", properties.Select(p => "\"" + p.GetColumnName(store) + "\""))}) FROM STDIN (FORMAT BINARY)";
        using (var import = connection.BeginBinaryImport(sql))
        {
            // An hour, not Npgsql's 30 s (zero made reads time out at once in Npgsql 10.0.0): a whole table goes in one COPY.
            import.Timeout = TimeSpan.FromHours(1);
            foreach (var row in rows.AsNoTracking().AsEnumerable())
            {
                import.StartRow();
                foreach (var (get, type) in columns)
                {
                    if (get(row) is { } value) import.Write(value, type);
                    else import.WriteNull();
                }
            }
            import.Complete();
        }
        var key = entity.FindPrimaryKey()!.Properties.Single();
        if (key.ClrType != typeof(int)) return;
        var column = key.GetColumnName(store)!;
        using var setval = connection.CreateCommand();
        setval.CommandText = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), max(\"{column}\")) FROM \"{table}\" HAVING count(*) > 0";
        setval.ExecuteScalar();
    }

    /// <summary>Row count and a SHA-256 over every column of every row in key order, as the provider stores it (through the converters).</summary>
    static async Task<CopiedTable> CompareAsync<T>(DbSet<T> source, DbSet<T> target, CancellationToken ct) where T : class
    {
        var (sourceRows, sourceHash) = await HashAsync(source, ct);
        var (targetRows, targetHash) = await HashAsync(target, ct);
        return new(target.EntityType.GetTableName()!, sourceRows, targetRows, sourceHash, targetHash);
    }

    static async Task<(long Rows, string Hash)> HashAsync<T>(DbSet<T> rows, CancellationToken ct) where T : class
    {
        var entity = rows.EntityType;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().ToArray();
        var getters = properties.Select(p => (Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToArray();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0;
        var ordered = rows.AsNoTracking().OrderBy(r => EF.Property<object>(r, key.Name));
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            foreach (var (getter, converter) in getters)
            {
                var value = getter.GetClrValue(row);
                if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                var text = value switch
                {
                    null => "\u0000null",
                    byte[] b => Convert.ToHexString(b),
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                sha.AppendData(Encoding.UTF8.GetBytes(text + "\u0001"));
            }
            sha.AppendData("\u0002"u8);
        }
        return (count, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    sealed class MetaRow
    {
        public string Key { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
