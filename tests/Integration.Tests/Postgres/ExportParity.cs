using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>Every CSV export under one filter, from an app on SQLite and one on PostgreSQL: the same, row for row and cell for cell.</summary>
public static class ExportParity
{
    public static async Task AssertSameAsync(HttpClient onSqlite, HttpClient onPostgres, string filter)
    {
        foreach (var export in DashboardRoutes.Exports)
        {
            var a = await onSqlite.GetAsync(export + filter);
            var b = await onPostgres.GetAsync(export + filter);
            Assert.True(a.StatusCode == b.StatusCode, $"{export}{filter}: {(int)a.StatusCode} on SQLite, {(int)b.StatusCode} on PostgreSQL");
            var (headerA, rowsA) = Csv.Parse(await a.Content.ReadAsStringAsync());
            var (headerB, rowsB) = Csv.Parse(await b.Content.ReadAsStringAsync());
            Assert.Equal(headerA, headerB);
            if (export == "/export/compare.csv" && filter.Contains("q=", StringComparison.Ordinal))
            {
                // Known difference (docs/postgres.md): a search row of the comparison ranks its sentences by bm25 on
                // SQLite and by ts_rank on PostgreSQL, so which sentences come first per outlet differs; how many the
                // outlets have does not.
                Assert.Equal(rowsA.Select(r => r["outlet"]).Order(), rowsB.Select(r => r["outlet"]).Order());
                continue;
            }
            Assert.True(rowsA.Count == rowsB.Count, $"{export}{filter}: {rowsA.Count} rows on SQLite, {rowsB.Count} on PostgreSQL");
            for (var i = 0; i < rowsA.Count; i++)
            {
                var differing = headerA.Where(h => rowsA[i][h] != rowsB[i][h]).Select(h => $"{h}: '{rowsA[i][h]}' vs '{rowsB[i][h]}'");
                Assert.True(!differing.Any(), $"{export}{filter} row {i + 1}: {string.Join("; ", differing)}");
            }
        }
    }
}
