using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Reference;

/// <summary>Makes the places and framing_terms tables equal to the reference files.</summary>
public static class ReferenceSync
{
    public static async Task SyncAsync(DashboardDb db, IReadOnlyList<Place> places, IReadOnlyList<FramingTerm> terms, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Replace(db, db.Places, places, p => p.Id, ct);
        await Replace(db, db.FramingTerms, terms, t => t.Id, ct);
        await Schema.ContentVersion.BumpAsync(db, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    static async Task Replace<T>(DashboardDb db, DbSet<T> set, IReadOnlyList<T> rows, Func<T, string> key, CancellationToken ct) where T : class
    {
        var duplicate = rows.GroupBy(key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReferenceDataException($"id '{duplicate.Key}' appears {duplicate.Count()} times in the {typeof(T).Name} reference file.");
        }
        var wanted = rows.Select(key).ToHashSet();
        var existing = await set.ToListAsync(ct);
        set.RemoveRange(existing.Where(e => !wanted.Contains(key(e))));
        var existingById = existing.ToDictionary(key);
        foreach (var row in rows)
        {
            if (existingById.TryGetValue(key(row), out var current))
            {
                db.Entry(current).CurrentValues.SetValues(row);
            }
            else
            {
                set.Add(row);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
