namespace AleppoDashboard.TestSupport;

/// <summary>
/// A PostgreSQL server of one test's own (tests/postgres/test-server.sh), for tests that stop the server: the shared one
/// (<see cref="PostgresTestServer"/>) serves the other tests meanwhile. Stopped and removed on dispose.
/// </summary>
public sealed class PrivatePostgresServer : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "aleppo-pg-own-" + Guid.NewGuid().ToString("N"));

    /// <summary>The superuser's connection string (database 'postgres').</summary>
    public string ConnectionString { get; }

    public PrivatePostgresServer()
    {
        var (code, output, errors) = PostgresTestServer.Run(PostgresTestServer.Script, "start", folder);
        if (code != 0) throw new InvalidOperationException($"No PostgreSQL server of its own for the test: {errors.Trim()}");
        ConnectionString = output.Trim().Split('\n')[^1];
    }

    /// <summary>Stops the server at once (an immediate shutdown: no checkpoint, clients cut off, as in a crash).</summary>
    public void Halt() => Check("halt");

    /// <summary>Starts the halted server again on the same port; it recovers from its write-ahead log.</summary>
    public void Resume() => Check("resume");

    void Check(string command)
    {
        var (code, _, errors) = PostgresTestServer.Run(PostgresTestServer.Script, command, folder);
        if (code != 0) throw new InvalidOperationException($"test-server.sh {command} failed: {errors.Trim()}");
    }

    public void Dispose() => PostgresTestServer.Run(PostgresTestServer.Script, "stop", folder);
}
