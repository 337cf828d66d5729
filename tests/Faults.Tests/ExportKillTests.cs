using System.Net.Sockets;
using System.Text;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// The web process killed (SIGKILL) while it streams a long CSV export, over real HTTP: the client sees an incomplete
/// response (the chunked body never gets its terminating zero-length chunk), never a CSV that ends cleanly but short.
/// The same export read whole ends with that chunk. The export is several megabytes, more than the socket buffers
/// hold, so the kill lands while the server is still writing it.
/// </summary>
public class ExportKillTests
{
    [Fact]
    public async Task AWebProcessKilledMidExportLeavesTheDownloadVisiblyIncomplete()
    {
        using var root = new TempFolder();
        var database = root.File("export.db");
        GeneratedArticles.Write(root.File("articles"), 1200, revision: 16);
        await TestDatabases.IngestAsync(root.File("articles"), database);
        var port = ChildProcess.FreePort();
        using var web = ChildProcess.Start(ChildProcess.WebFolder, ChildProcess.WebArguments(database, port));
        try
        {
            await ChildProcess.WaitUntilServingAsync(port, web);
            const string path = "/export/mentions.csv";

            var whole = await GetRawAsync(port, path, killAfterHeaders: null);
            Assert.True(whole.Complete, "the export read whole did not end with the terminating chunk");
            Assert.True(whole.BodyBytes > 8_000_000, $"the export is {whole.BodyBytes:N0} bytes: too small to be killed mid-way");

            var cut = await GetRawAsync(port, path, killAfterHeaders: web);
            Assert.False(cut.Complete, "the response of a killed web process ended with the terminating chunk");
            Assert.True(cut.BodyBytes < whole.BodyBytes, $"the killed export still delivered all {cut.BodyBytes:N0} bytes");
        }
        finally
        {
            if (!web.HasExited) web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    sealed record RawResponse(bool Complete, long BodyBytes);

    /// <summary>
    /// One GET over a plain socket, its chunked body decoded by hand so that the end of the response is seen as it is
    /// on the wire: complete only with the zero-length chunk. With <paramref name="killAfterHeaders"/>, that process is
    /// killed as soon as the response headers arrive.
    /// </summary>
    static async Task<RawResponse> GetRawAsync(int port, string path, System.Diagnostics.Process? killAfterHeaders)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        var reader = new BufferedStream(stream, 1 << 16);
        var status = ReadLine(reader);
        Assert.StartsWith("HTTP/1.1 200", status);
        var chunked = false;
        for (var header = ReadLine(reader); header is { Length: > 0 }; header = ReadLine(reader))
        {
            if (header.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) chunked = true;
        }
        Assert.True(chunked, "the export is not sent chunked");
        if (killAfterHeaders is not null)
        {
            killAfterHeaders.Kill(); // SIGKILL: no handler runs, nothing more is written
            await killAfterHeaders.WaitForExitAsync();
        }
        long body = 0;
        var buffer = new byte[1 << 16];
        while (true)
        {
            var size = ReadLine(reader);
            if (size is null) return new(false, body); // the connection closed before the next chunk: incomplete
            var length = Convert.ToInt64(size.Split(';')[0].Trim(), 16);
            if (length == 0) return new(ReadLine(reader) is not null, body); // the terminating chunk (and its CRLF)
            for (var left = length; left > 0;)
            {
                var read = reader.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) return new(false, body);
                left -= read;
                body += read;
            }
            if (ReadLine(reader) is null) return new(false, body);
        }
    }

    /// <summary>A CRLF-terminated line; null when the connection ends (or is reset) before it does.</summary>
    static string? ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        try
        {
            while (true)
            {
                var b = stream.ReadByte();
                if (b < 0) return null;
                if (b == '\n') return line.ToString().TrimEnd('\r');
                line.Append((char)b);
            }
        }
        catch (IOException)
        {
            return null;
        }
    }
}
