using AleppoDashboard.Data;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;
using AleppoDashboard.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AleppoDashboard.Web.Extensions;

public static class DatabaseStartup
{
    /// <summary>
    /// Creates or upgrades the database and applies the reference files; when the database holds no
    /// articles and Seeds:AutoIngest is on, loads the seeds folder so the first start shows data.
    /// </summary>
    /// <returns>False when the database file is refused (damaged, foreign, newer): the one-line reason is written to
    /// standard error and the app must not start; the file is left unchanged.</returns>
    public static async Task<bool> TryPrepareDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.PrepareDatabaseAsync();
            return true;
        }
        catch (Data.Schema.DatabaseFileException refused)
        {
            // Not through the logger: one plain line, no category prefix or exception dump, for whoever reads the container log.
            await Console.Error.WriteLineAsync($"error: {refused.Message} The dashboard did not start.");
            return false;
        }
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var services = app.Services;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("AleppoDashboard.Startup");
        var referencePath = services.GetRequiredService<IOptions<ReferenceOptions>>().Value.Path;
        var reference = new ReferenceFiles(string.IsNullOrWhiteSpace(referencePath) ? ReferenceFiles.DefaultFolder : app.Environment.ResolvePath(referencePath));
        var corpus = await Corpus.OpenAsync(
            services.GetRequiredService<IDbContextFactory<DashboardDb>>(),
            reference,
            services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFileBytes,
            services.GetRequiredService<TimeProvider>(),
            app.Lifetime.ApplicationStopping);
        if (corpus.RebuiltBecause is { } why)
        {
            log.LogInformation("Rebuilt sentences and facts because {Reason}.", why);
        }

        var seeds = services.GetRequiredService<IOptions<SeedsOptions>>().Value;
        await using var db = await corpus.Databases.CreateDbContextAsync();
        if (!seeds.AutoIngest || await db.Articles.AnyAsync())
        {
            return;
        }
        var folder = app.Environment.ResolvePath(seeds.Path);
        if (!Directory.Exists(folder))
        {
            log.LogWarning("The database is empty and the seeds folder {Folder} does not exist; set Seeds:Path.", folder);
            return;
        }
        var report = await corpus.Ingestor.IngestFolderAsync(folder, null, app.Lifetime.ApplicationStopping);
        log.LogInformation("Loaded seeds from {Folder}: {Summary}.", folder, report.Summary);
        foreach (var rejected in report.Files.Where(f => f.Status == FileStatus.Rejected))
        {
            log.LogWarning("Seed file rejected: {Outcome}", rejected);
        }
    }
}
