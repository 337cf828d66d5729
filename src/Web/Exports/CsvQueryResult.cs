using System.Data.Common;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Exports;

/// <summary>
/// Streams the rows of an EF query to the response as CSV, like <see cref="CsvResult{T}"/>, but reads the query's own
/// SQL (its filter, joins and order, from <see cref="EntityFrameworkQueryableExtensions.CreateDbCommand"/>) with a plain
/// data reader: no object per row, and a <see cref="CsvQueryRows"/> may reuse values that repeat from row to row
/// (an article's outlet, a sentence's text). Same CsvHelper options (formula injection escaped), same chunking.
/// </summary>
public sealed class CsvQueryResult(string fileName, string[] header, DbContext db, IQueryable query, CsvQueryRows rows) : IResult
{
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
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (reader.FieldCount != rows.ColumnCount)
            {
                throw new InvalidOperationException($"{fileName}: the query has {reader.FieldCount} columns, the CSV reader expects {rows.ColumnCount}.");
            }
            using var chunk = new MemoryStream(CsvResult<object>.ChunkBytes * 2);
            await using var csv = CsvWriter.Create(chunk, CsvResult<object>.Options, leaveOpen: true);
            csv.WriteHeader(header);
            // SQLite reads in-process: Read() does no I/O wait worth an await; the response is awaited per chunk.
            while (reader.Read())
            {
                rows.Write(reader, csv);
                csv.EndRecord();
                if (chunk.Length >= CsvResult<object>.ChunkBytes)
                {
                    ct.ThrowIfCancellationRequested();
                    await CsvResult<object>.SendAsync(chunk, body, ct);
                }
            }
            csv.Flush();
            await CsvResult<object>.SendAsync(chunk, body, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Writes the fields of one row of a <see cref="CsvQueryResult"/> from the data reader (one instance per export).</summary>
public abstract class CsvQueryRows
{
    public abstract int ColumnCount { get; }

    public abstract void Write(DbDataReader row, CsvWriter csv);
}
