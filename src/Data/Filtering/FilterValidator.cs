using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Filtering;

/// <summary>Checks a parsed filter against the database: every outlet and place it names must exist.</summary>
public static class FilterValidator
{
    public static async Task<IReadOnlyList<string>> UnknownValuesAsync(DashboardDb db, DashboardFilter filter, CancellationToken ct)
    {
        var errors = new List<string>();
        if (filter.Outlets.Count > 0)
        {
            var known = await db.Outlets.AsNoTracking().Select(o => o.Slug).ToListAsync(ct);
            foreach (var slug in filter.Outlets.Except(known))
            {
                errors.Add($"There is no outlet '{slug}'. Known outlets: {string.Join(", ", known.Order())}.");
            }
        }
        if (filter.Places.Count > 0)
        {
            var wanted = filter.Places.ToList();
            var known = await db.Places.AsNoTracking().Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            foreach (var id in filter.Places.Except(known))
            {
                errors.Add($"There is no place '{id}' in the gazetteer.");
            }
        }
        return errors;
    }
}
