using AleppoDashboard.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AleppoDashboard.Data;

public static class DataServiceExtensions
{
    /// <summary>Registers <see cref="DashboardDb"/> on the SQLite file at <paramref name="databasePath"/>.</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, string databasePath) =>
        services.AddDashboardData(DatabaseTarget.Sqlite(databasePath));

    /// <summary>Registers <see cref="DashboardDb"/> on the configured database (SQLite file or PostgreSQL server).</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        // The factory serves long-running work (ingest); the scoped context serves one request.
        services.AddDbContextFactory<DashboardDb>(o => Configure(o, target));
        if (target.Provider == DatabaseProvider.Postgres)
        {
            // Blazor renders the layout and the page concurrently while each awaits its reads. SQLite's reads complete
            // synchronously, so one context per request never sees two at once; Npgsql's are truly asynchronous, and a
            // shared context (one connection) would get a second command or snapshot while the first runs. So each
            // component that asks for a context gets its own (its own pooled connection), disposed with the request.
            services.Replace(ServiceDescriptor.Transient(sp => sp.GetRequiredService<IDbContextFactory<DashboardDb>>().CreateDbContext()));
        }
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
    public static IDbContextFactory<DashboardDb> CreateFactory(string databasePath) => CreateFactory(DatabaseTarget.Sqlite(databasePath));

    /// <summary>A context factory on the configured database, for the command-line tools and tests.</summary>
    public static IDbContextFactory<DashboardDb> CreateFactory(DatabaseTarget target)
    {
        var options = new DbContextOptionsBuilder<DashboardDb>();
        Configure(options, target);
        return new PooledDbContextFactory<DashboardDb>(options.Options);
    }

    static void Configure(DbContextOptionsBuilder options, DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            // Npgsql drops the password from the connection string once it has opened a connection (Persist Security
            // Info is off), and EF logs no connection string: nothing here writes the secret anywhere.
            // An hour as the connection-wide time limit: the COPYs of an ingest and of the shared-copy map end by waiting
            // for the server to finish (index upkeep of millions of rows), which took over Npgsql's default 30 s on a busy
            // machine and failed a 100,000-article ingest. Not 0: with Npgsql 10.0.0 a zero timeout made reads time out at
            // once (tests failed). EF's own queries keep a 30 s limit.
            //
            // JIT off for this app's sessions (PostgreSQL's default compiles any query whose estimated cost passes
            // 100,000): an export or a map over a search at 100,000 articles spent 3.3 s of its 8 s compiling (EXPLAIN
            // ANALYZE in benchmarks/PERFORMANCE.md, issue 21), for queries that run a few seconds at most. A setting a
            // server administrator gave in the connection string's own Options is kept, after ours.
            //
            // work_mem 32 MB (the default is 4 MB): a search reads its sentences by a bitmap of the GIN index's matches,
            // and with 4 MB a common word's bitmap (140,000 of 2.1 million sentences at 100,000 articles) turns lossy, so
            // the server tests the tsvector of every row of 33,000 pages again: 0.69 s against 0.40 s with an exact bitmap
            // (EXPLAIN ANALYZE in benchmarks/PERFORMANCE.md, issue 21). The first request of every searched page pays it.
            // It is a limit per sort, hash or bitmap, not a reservation.
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString) { CommandTimeout = 3600 };
            builder.Options = ("-c jit=off -c work_mem=32MB " + builder.Options).Trim();
            var connection = builder.ConnectionString;
            options.UseNpgsql(connection, npgsql => npgsql.CommandTimeout(30));
        }
        else
        {
            options.UseSqlite(ConnectionStringFor(target.SqlitePath!));
        }
    }
}
