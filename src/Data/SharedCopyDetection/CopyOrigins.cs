using AleppoDashboard.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.SharedCopyDetection;

/// <summary>
/// Which sentences are one origin: the same wire copy, run by several articles (the stored shared-copy map, so check
/// <see cref="SharedCopyStore.IsCurrentAsync"/> first). "Count origins, not copies" collapses each group into one item
/// with how many outlets ran it. A group is a connected set of texts that meet the copy rule with each other, as far as
/// the texts of the given sentences and the texts they match reach (a chain through a third text that none of them
/// matches directly is not followed: such copies differ too much to be read as one).
/// </summary>
public static class CopyOrigins
{
    /// <summary>
    /// The origin of each of <paramref name="sentenceIds"/> that is shared copy (others are absent: each is its own origin):
    /// a number shared by the sentences of one group, the lowest text id in it.
    /// </summary>
    public static async Task<Dictionary<int, int>> OfSentencesAsync(DashboardDb db, IReadOnlyCollection<int> sentenceIds, CancellationToken ct)
    {
        if (sentenceIds.Count == 0) return [];
        // The ids go as one JSON parameter; only the provider's constant subquery is put into the text.
        var sentencesSql = "SELECT * FROM shared_copy_sentences WHERE \"SentenceId\" IN (" + db.IdsFromJson("{0}") + ")";
        var shared = await db.SharedCopySentences
            .FromSqlRaw(sentencesSql, "[" + string.Join(',', sentenceIds) + "]")
            .AsNoTracking().Select(s => new { s.SentenceId, s.TextId }).ToListAsync(ct);
        if (shared.Count == 0) return [];
        var texts = shared.Select(s => s.TextId).Distinct().ToList();
        var textsSql = "SELECT * FROM shared_copy_texts WHERE \"TextId\" IN (" + db.IdsFromJson("{0}") + ")";
        var matches = await db.SharedCopyTexts
            .FromSqlRaw(textsSql, "[" + string.Join(',', texts) + "]")
            .AsNoTracking().ToListAsync(ct);
        var parent = new Dictionary<int, int>();
        foreach (var t in texts) parent[t] = t;
        foreach (var m in matches)
        {
            foreach (var other in m.MatchedIds) Union(parent, m.TextId, other);
        }
        return shared.ToDictionary(s => s.SentenceId, s => Find(parent, s.TextId));
    }

    static int Find(Dictionary<int, int> parent, int t)
    {
        if (!parent.TryGetValue(t, out var p)) return parent[t] = t;
        while (p != t)
        {
            var up = parent.GetValueOrDefault(p, p);
            parent[t] = up; // halve the path
            (t, p) = (p, up);
        }
        return t;
    }

    static void Union(Dictionary<int, int> parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra == rb) return;
        // The lower id is the root, so a group's number does not depend on the order the texts were read in.
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
    }
}
