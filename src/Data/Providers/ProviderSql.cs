using System.Data.Common;
using AleppoDashboard.Data.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AleppoDashboard.Data.Providers;

/// <summary>
/// The few pieces of hand-written SQL that differ between SQLite and PostgreSQL. Everything else is written once, with
/// every identifier in double quotes (PostgreSQL folds unquoted names to lower case; SQLite takes either).
/// </summary>
public static class ProviderSql
{
    /// <summary>A parameter for the context's provider (both take <c>@name</c> placeholders).</summary>
    public static DbParameter Parameter(this DashboardDb db, string name, object value) =>
        db.IsPostgres() ? new NpgsqlParameter(name, value) : new SqliteParameter(name, value);

    /// <summary>A subquery of the integers in the JSON array passed as <paramref name="parameter"/> (e.g. "[1,2,3]").</summary>
    public static string IdsFromJson(this DashboardDb db, string parameter) => db.IsPostgres()
        ? $"SELECT CAST(value AS integer) FROM json_array_elements_text(CAST({parameter} AS json))"
        : $"SELECT value FROM json_each({parameter})";
}
