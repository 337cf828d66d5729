using System.Globalization;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>The ingest command line: ingest, watch, reextract, inspect.</summary>
public static class IngestProgram
{
    public const int Ok = 0, Fatal = 1, SomeRejected = 2;

    public static async Task<int> Main(string[] args)
    {
        var cancel = new CancellationTokenSource(); // not disposed: ProcessExit may still cancel it
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cancel.Cancel();
        // SIGTERM (docker stop, systemd, kill) stops the run as Ctrl-C does: the batch being written is rolled back and the
        // program ends normally with 0. Without this the runtime ends the process at once with 143 after ProcessExit.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return Ok;
        }
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var cli = CliArguments.Parse(args);
        if (cli?.Command == "evaluate")
        {
            if (cli.Positional.Count != 1 || !cli.Options.TryGetValue("gold", out var goldPath))
            {
                await errors.WriteLineAsync(CliArguments.Usage);
                return Fatal;
            }
            var evaluationReference = new ReferenceFiles(cli.Options.GetValueOrDefault("reference") ?? ReferenceFiles.DefaultFolder);
            return await Evaluation.ExtractionEvaluation.RunAsync(cli.Positional[0], goldPath, evaluationReference, output, errors,
                cli.Options.GetValueOrDefault("language"));
        }
        if (cli?.Command == "spelling-collisions" && cli.Positional.Count == 1)
        {
            var collisionReference = new ReferenceFiles(cli.Options.GetValueOrDefault("reference") ?? ReferenceFiles.DefaultFolder);
            return await Evaluation.SpellingCollisions.RunAsync(cli.Positional[0], collisionReference, output, errors);
        }
        if (cli is { Command: "inspect", Positional.Count: > 0 })
        {
            // Reads files and prints what would be stored; opens no database.
            var inspectMb = cli.Options.TryGetValue("max-file-mb", out var imb) && double.TryParse(imb, CultureInfo.InvariantCulture, out var im) && im > 0 ? im : 8;
            var inspectReference = new ReferenceFiles(cli.Options.GetValueOrDefault("reference") ?? ReferenceFiles.DefaultFolder);
            return await InspectCommand.RunAsync(cli.Positional, inspectReference, (long)(inspectMb * 1024 * 1024), output, errors);
        }
        if (cli?.Command == "copy")
        {
            return await CopyCommand.RunAsync(cli, output, errors, ct);
        }
        var folderNeeded = cli?.Command is "ingest" or "watch";
        if (cli is null || cli.Command is not ("ingest" or "watch" or "reextract")
            || folderNeeded && cli.Positional.Count != 1 || !folderNeeded && cli.Positional.Count != 0)
        {
            await errors.WriteLineAsync(CliArguments.Usage);
            return Fatal;
        }
        if (TargetOf(cli, out var targetProblem) is not { } target)
        {
            await errors.WriteLineAsync(targetProblem ?? CliArguments.Usage);
            return Fatal;
        }
        var maxMb = cli.Options.TryGetValue("max-file-mb", out var mb) && double.TryParse(mb, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 8;
        var reference = new ReferenceFiles(cli.Options.GetValueOrDefault("reference") ?? ReferenceFiles.DefaultFolder);
        Corpus corpus;
        try
        {
            corpus = await Corpus.OpenAsync(DataServiceExtensions.CreateFactory(target), reference, (long)(maxMb * 1024 * 1024), TimeProvider.System, ct);
        }
        catch (Exception e) when (e is ReferenceDataException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Data.Schema.DatabaseFileException)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return Fatal;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException && e.InnerException is Npgsql.NpgsqlException)
        {
            // Npgsql's messages name the host and the failure, never the password.
            await errors.WriteLineAsync($"error: cannot open {target}: {(e as Npgsql.NpgsqlException ?? e.InnerException)!.Message}");
            return Fatal;
        }
        if (corpus.RebuiltBecause is { } why) await output.WriteLineAsync($"rebuilt sentences and facts because {why}");
        try
        {
            return cli.Command switch
            {
                "ingest" => await IngestOnceAsync(corpus, cli.Positional[0], cli.Has("verbose"), cli.Has("timings"), Seconds(cli, "progress-seconds", 5), output, errors, ct),
                "watch" => await new FolderWatcher(corpus, output, errors).RunAsync(
                    cli.Positional[0], Seconds(cli, "interval", 5), ct, Seconds(cli, "settle", null)),
                _ => await ReextractAsync(corpus, reference, output, ct),
            };
        }
        catch (Exception e) when (target.SqlitePath is { } file && StorageFault.Describe(e, file) is { } reason)
        {
            // A full disk or a failing write: the batch being written was rolled back, every stored article is whole.
            await errors.WriteLineAsync($"error: {reason}");
            return Fatal;
        }
        catch (Exception e) when (target.Provider == DatabaseProvider.Postgres && ServerFault.Describe(e, target) is { } reason)
        {
            await errors.WriteLineAsync($"error: {reason}");
            return Fatal;
        }
    }

    /// <summary>
    /// The database from --provider (or Database__Provider), --db (or Database__Path) and Database__ConnectionString;
    /// null with a reason when they do not name one.
    /// </summary>
    internal static DatabaseTarget? TargetOf(CliArguments cli, out string? problem) =>
        TargetOf(cli, Environment.GetEnvironmentVariable("Database__ConnectionString"), out problem);

    internal static DatabaseTarget? TargetOf(CliArguments cli, string? connectionString, out string? problem)
    {
        var provider = cli.Options.GetValueOrDefault("provider");
        var db = cli.Options.GetValueOrDefault("db");
        var sqlite = string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        if (sqlite && db is null)
        {
            problem = null; // no --db: the usage says what is missing
            return null;
        }
        var target = DatabaseTarget.From(provider, db, connectionString, out var reason);
        if (target is { Provider: DatabaseProvider.Postgres } && PostgresConnection.Problem(target.ConnectionString!) is { } bad)
        {
            (target, reason) = (null, bad);
        }
        problem = reason is null ? null : "error: " + reason;
        return target;
    }

    static TimeSpan Seconds(CliArguments cli, string option, double? fallback) =>
        double.TryParse(cli.Options.GetValueOrDefault(option), CultureInfo.InvariantCulture, out var s) && s >= 0 ? TimeSpan.FromSeconds(s)
        : fallback is { } f ? TimeSpan.FromSeconds(f) : TimeSpan.MinValue;

    static async Task<int> IngestOnceAsync(Corpus corpus, string folder, bool verbose, bool timings, TimeSpan progressEvery, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            await errors.WriteLineAsync($"error: the folder '{folder}' does not exist.");
            return Fatal;
        }
        var report = await corpus.Ingestor.IngestFolderAsync(folder, new ProgressLines(output, progressEvery), ct);
        await ReportAsync(report, output, errors, verbose);
        if (timings) await StageLines.WriteAsync(corpus.Ingestor.Times, output);
        return report.AnyRejected ? SomeRejected : Ok;
    }

    /// <summary>
    /// The run's summary, with a line for each rejected file and each file loaded with warnings; with
    /// <paramref name="everyFile"/>, a line for every added or updated file too (the watcher's few files a run).
    /// </summary>
    internal static async Task ReportAsync(IngestReport report, TextWriter output, TextWriter errors, bool everyFile)
    {
        foreach (var problem in report.ManifestProblems) await errors.WriteLineAsync($"warning: {problem}");
        foreach (var file in report.Files.Where(f => f.Status == FileStatus.Rejected || f.Messages.Count > 0
                     || everyFile && f.Status != FileStatus.Unchanged))
        {
            await (file.Status == FileStatus.Rejected ? errors : output).WriteLineAsync(file.ToString());
        }
        await output.WriteLineAsync(report.Summary);
        if (report.SharedCopy is { } shared) await output.WriteLineAsync(shared.ToString());
    }

    static async Task<int> ReextractAsync(Corpus corpus, ReferenceFiles reference, TextWriter output, CancellationToken ct)
    {
        var count = await corpus.ReextractAsync(reference, ct);
        await output.WriteLineAsync($"re-extracted {count} articles");
        return Ok;
    }
}
