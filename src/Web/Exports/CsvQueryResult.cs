using System.Data.Common;
using AleppoDashboard.Data.Schema;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AleppoDashboard.Web.Exports;

/// <summary>
/// Streams the rows of an EF query to the response as CSV, like <see cref="CsvResult{T}"/>, but reads the query's own
/// SQL (its filter, joins and order, from <see cref="EntityFrameworkQueryableExtensions.CreateDbCommand"/>) with a plain
/// data reader: no object per row, and a <see cref="CsvQueryRows"/> may reuse values that repeat from row to row
/// (an article's outlet, a sentence's text). Same CsvHelper options (formula injection escaped), same chunking.
/// </summary>
public sealed class CsvQueryResult(string fileName, string[] header, DbContext db, IQueryable query, CsvQueryRows rows) : IResult
{
    /// <summary>Rows per FETCH from a PostgreSQL cursor: the first chunk goes out after the first fetch.</summary>
    const int FetchRows = 2_000;

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var body = context.Response.Body;
        try
        {
            await WriteAsync(body, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            IncompleteExport.Abort(context);
            throw;
        }
    }

    async Task WriteAsync(Stream body, CancellationToken ct)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var chunk = new MemoryStream(CsvResult<object>.ChunkBytes * 2);
            await using var csv = CsvWriter.Create(chunk, CsvResult<object>.Options, leaveOpen: true);
            csv.WriteHeader(header);
            if (db is Data.DashboardDb dashboard && dashboard.IsPostgres())
            {
                await WriteThroughCursorAsync(command, csv, chunk, body, ct);
            }
            else
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                await WriteRowsAsync(reader, csv, chunk, body, ct);
            }
            csv.Flush();
            await CsvResult<object>.SendAsync(chunk, body, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL plans a plain query for the cost of all its rows, so an export of many rows hash-joins every sentence
    /// and sorts before its first row (seconds, with the sort spilling to disk). Through a cursor it plans for the first
    /// rows (<c>cursor_tuple_fraction</c>): the rows come in the order of the (ArticleId, SentenceId, Start) index, as
    /// SQLite streams them, and the first chunk goes out at once. The cursor's snapshot is that of its DECLARE, so the
    /// export stays one consistent read.
    /// </summary>
    async Task WriteThroughCursorAsync(DbCommand command, CsvWriter csv, MemoryStream chunk, Stream body, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var outer = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        await using var own = outer is null ? await connection.BeginTransactionAsync(ct) : null;
        var transaction = outer ?? own!;
        command.Transaction = transaction;
        command.CommandText = "DECLARE csv_export NO SCROLL CURSOR FOR " + command.CommandText;
        await command.ExecuteNonQueryAsync(ct);
        await using var fetch = new NpgsqlCommand($"FETCH FORWARD {FetchRows} FROM csv_export", connection, transaction);
        while (true)
        {
            await using var reader = await fetch.ExecuteReaderAsync(ct);
            if (await WriteRowsAsync(reader, csv, chunk, body, ct) < FetchRows) break;
        }
        if (own is not null) await own.CommitAsync(ct);
        else await new NpgsqlCommand("CLOSE csv_export", connection, transaction).ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the reader's rows, sending each full chunk; returns how many rows it read.</summary>
    async Task<int> WriteRowsAsync(DbDataReader reader, CsvWriter csv, MemoryStream chunk, Stream body, CancellationToken ct)
    {
        if (reader.FieldCount != rows.ColumnCount)
        {
            throw new InvalidOperationException($"{fileName}: the query has {reader.FieldCount} columns, the CSV reader expects {rows.ColumnCount}.");
        }
        var count = 0;
        // SQLite reads in-process: Read() does no I/O wait worth an await; the response is awaited per chunk.
        while (reader.Read())
        {
            count++;
            rows.Write(reader, csv);
            csv.EndRecord();
            if (chunk.Length >= CsvResult<object>.ChunkBytes)
            {
                ct.ThrowIfCancellationRequested();
                await CsvResult<object>.SendAsync(chunk, body, ct);
            }
        }
        return count;
    }
}

/// <summary>Writes the fields of one row of a <see cref="CsvQueryResult"/> from the data reader (one instance per export).</summary>
public abstract class CsvQueryRows
{
    public abstract int ColumnCount { get; }

    public abstract void Write(DbDataReader row, CsvWriter csv);
}
