using CsvHelper;

namespace AleppoDashboard.Web.Exports;

/// <summary>
/// Streams rows to the response as CSV with CsvHelper, one row at a time (never the whole table in memory).
/// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped by CsvHelper.
/// Records are written synchronously into an in-memory buffer, which goes to the response asynchronously
/// whenever it holds <see cref="ChunkBytes"/> (an await per chunk, not per row; memory stays bounded).
/// </summary>
public sealed class CsvResult<T> : IResult
{
    public static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>How much CSV is gathered before it is sent.</summary>
    public const int ChunkBytes = 32 * 1024;

    readonly string fileName;
    readonly string[] header;
    readonly IAsyncEnumerable<T> rows;
    readonly Action<CsvWriter, T> writeFields;

    /// <summary>Rows written field by field (numbers and dates formatted straight into the buffer, without strings).</summary>
    public CsvResult(string fileName, string[] header, IAsyncEnumerable<T> rows, Action<CsvWriter, T> writeFields)
    {
        this.fileName = fileName;
        this.header = header;
        this.rows = rows;
        this.writeFields = writeFields;
    }

    /// <summary>Rows given as text cells (null is written as an empty cell).</summary>
    public CsvResult(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string?[]> toCells)
        : this(fileName, header, rows, (csv, row) =>
        {
            foreach (var cell in toCells(row))
            {
                csv.WriteField(cell ?? "");
            }
        })
    {
    }

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
        using var chunk = new MemoryStream(ChunkBytes * 2);
        await using var csv = CsvWriter.Create(chunk, Options, leaveOpen: true);
        csv.WriteHeader(header); // ends the header record itself
        await foreach (var row in rows.WithCancellation(ct))
        {
            writeFields(csv, row);
            csv.EndRecord(); // writes into the memory buffer only: no I/O here
            if (chunk.Length >= ChunkBytes)
            {
                await SendAsync(chunk, body, ct);
            }
        }
        csv.Flush();
        await SendAsync(chunk, body, ct);
    }

    /// <summary>Sends what the buffer holds to the response and empties it (used by <see cref="CsvQueryResult"/> too).</summary>
    internal static async Task SendAsync(MemoryStream chunk, Stream body, CancellationToken ct)
    {
        if (chunk.Length == 0) return;
        await body.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), ct);
        chunk.SetLength(0);
    }
}
