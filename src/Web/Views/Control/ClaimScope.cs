using System.Text.RegularExpressions;
using AleppoDashboard.Data;
using AleppoDashboard.Data.Views.Control;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Web.Views.Control;

/// <summary>
/// The <c>scope</c> query parameter of the control page, its API and its export: <c>east</c> (the default),
/// <c>city</c>, or <c>place:&lt;gazetteer id&gt;</c>. Anything else is an error with a one-line reason.
/// </summary>
public static partial class ClaimScope
{
    public sealed record Result(string? Scope, string? Error)
    {
        public bool IsValid => Error is null;
    }

    public static async Task<Result> ResolveAsync(string? text, DashboardDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(ClaimQueries.DefaultScope, null);
        var scope = text.Trim().ToLowerInvariant();
        if (scope is "east" or "city") return new(scope, null);
        var match = PlaceScope().Match(scope);
        if (!match.Success)
        {
            return new(null, $"'scope' must be east, city or place:<gazetteer id>; got '{Shorten(text)}'.");
        }
        var id = match.Groups["id"].Value;
        return await db.Places.AsNoTracking().AnyAsync(p => p.Id == id, ct)
            ? new(scope, null)
            : new(null, $"'scope' names place '{id}', which is not in the gazetteer.");
    }

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^place:(?<id>[a-z0-9][a-z0-9-]{0,79})$")]
    private static partial Regex PlaceScope();
}
