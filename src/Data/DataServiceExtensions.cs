using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Data;

public static class DataServiceExtensions
{
    /// <summary>Registers <see cref="DashboardDb"/> on the SQLite file at <paramref name="databasePath"/>.</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, string databasePath)
    {
        var connectionString = ConnectionStringFor(databasePath);
        // The factory serves long-running work (ingest); the scoped context serves one request.
        services.AddDbContextFactory<DashboardDb>(o => o.UseSqlite(connectionString));
        return services;
    }

    /// <summary>Foreign keys on (facts cascade with their article); waits up to 30 s on a locked database.</summary>
    public static string ConnectionStringFor(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = full,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>A context factory without a service container, for the command-line tools and tests.</summary>
    public static IDbContextFactory<DashboardDb> CreateFactory(string databasePath) =>
        new PooledDbContextFactory<DashboardDb>(
            new DbContextOptionsBuilder<DashboardDb>().UseSqlite(ConnectionStringFor(databasePath)).Options);
}
