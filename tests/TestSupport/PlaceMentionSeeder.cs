using AleppoDashboard.Data;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Gives view tests place mentions they can predict, whatever the fact extractor does: replaces every place
/// mention with one per whole-word occurrence of a place's canonical name in a sentence (longest names first,
/// no overlaps). Aliases are not matched.
/// </summary>
public static class PlaceMentionSeeder
{
    public static async Task<int> MentionPlaceNamesAsync(this DashboardAppFactory factory)
    {
        _ = factory.ServerAddress; // the app has started and loaded its articles
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDb>>().CreateDbContextAsync();
        await db.PlaceMentions.ExecuteDeleteAsync();
        var places = (await db.Places.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync())
            .OrderByDescending(p => p.Name.Length).ToList();
        var sentences = await db.Sentences.AsNoTracking().Select(s => new { s.Id, s.ArticleId, s.Text }).ToListAsync();
        foreach (var sentence in sentences)
        {
            var taken = new bool[sentence.Text.Length];
            foreach (var place in places)
            {
                for (var at = sentence.Text.IndexOf(place.Name, StringComparison.Ordinal); at >= 0;
                     at = sentence.Text.IndexOf(place.Name, at + 1, StringComparison.Ordinal))
                {
                    var end = at + place.Name.Length;
                    if (!IsWordEdge(sentence.Text, at - 1) || !IsWordEdge(sentence.Text, end) || taken.AsSpan(at, place.Name.Length).Contains(true))
                    {
                        continue;
                    }
                    taken.AsSpan(at, place.Name.Length).Fill(true);
                    db.PlaceMentions.Add(new PlaceMention
                    {
                        ArticleId = sentence.ArticleId, SentenceId = sentence.Id, Start = at, Length = place.Name.Length,
                        MatchedText = place.Name, PlaceId = place.Id,
                    });
                }
            }
        }
        var added = await db.SaveChangesAsync();
        await ContentVersion.BumpAsync(db, default);
        await factory.Services.StoreSharedCopiesAsync();
        return added;
    }

    static bool IsWordEdge(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
