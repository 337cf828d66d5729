using System.Diagnostics;
using System.Text;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests.Postgres;

/// <summary>
/// The built web app (src/Web) as a process of its own on a PostgreSQL database, on a free loopback port, as one of
/// several instances behind a load balancer would run: no seeding, no tiles, the connection string in its environment.
/// Its output is read as it comes (a full pipe would stall it) and kept for a failure's message. Killed on dispose.
/// </summary>
public sealed class PostgresWebProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder log = new();

    public int Port { get; }
    public HttpClient Client { get; }

    PostgresWebProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log { get { lock (log) return log.ToString(); } }

    public static async Task<PostgresWebProcess> StartAsync(string connectionString)
    {
        var port = ChildProcess.FreePort();
        var web = new PostgresWebProcess(ChildProcess.Start(ChildProcess.WebFolder,
            new Dictionary<string, string> { ["Database__ConnectionString"] = connectionString },
            ChildProcess.WebDll, "--urls", $"http://127.0.0.1:{port}", "--Database:Provider=postgres", "--Seeds:AutoIngest=false",
            "--Map:TileUrl=", "--Reference:Path=" + RepoPaths.Reference), port);
        try
        {
            await ChildProcess.WaitUntilServingAsync(port, web.process, () => web.Log);
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
        return web;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
