using CsvHelper;

namespace AleppoDashboard.Web.Exports;

/// <summary>
/// Streams rows to the response as CSV with CsvHelper, one row at a time (never the whole table in memory).
/// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped by CsvHelper.
/// </summary>
public sealed class CsvResult<T>(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string?[]> toCells) : IResult
{
    public static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public async Task ExecuteAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var csv = CsvWriter.Create(context.Response.Body, Options, leaveOpen: true);
        csv.WriteHeader(header); // ends the header record itself
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in toCells(row))
            {
                csv.WriteField(cell ?? "");
            }
            await csv.EndRecordAsync(ct);
            if (++count % 500 == 0)
            {
                await csv.FlushAsync(ct);
            }
        }
        await csv.FlushAsync(ct);
    }
}
