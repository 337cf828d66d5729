using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Data.Providers;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Data.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data.Views.Compare;

/// <summary>A sentence found by full-text search: where the matched words are, and its bm25 rank (lower is better).</summary>
public sealed record SearchHit(int SentenceId, int ArticleId, int Index, double Rank, IReadOnlyList<(int Start, int Length)> Marks);

/// <summary>FTS5 search of sentences, with the matched words located by highlight().</summary>
public static class SentenceSearch
{
    const char Open = '\u0002';
    const char Close = '\u0003';

    /// <summary>
    /// Where <paramref name="text"/> (already validated by the shared filter; <see cref="SearchQuery"/> turns it into a
    /// safe FTS5 expression, passed as a parameter) matches in the given sentences: the ones a comparison row kept.
    /// </summary>
    public static async Task<List<SearchHit>> HighlightSentencesAsync(this DashboardDb db, string text, List<int> sentenceIds, CancellationToken ct)
    {
        var search = SearchQuery.Parse(text);
        var match = search.Match
            ?? throw new ArgumentException("The search text does not parse; validate it with FilterParser first.", nameof(text));
        var ids = "[" + string.Join(',', sentenceIds) + "]";
        if (db.IsPostgres()) return await HighlightOnPostgresAsync(db, search, ids, ct);
        // One pass over the search's matches, each tested against the ids ("+" keeps the rowid list away from FTS5). Given
        // the list, SQLite 3.50 looks each id up in the index, reading the match's doclists again for each: 100 sentences of
        // a search with a common word ("al-Qasr") took 0.8 s that way at 100,000 articles, against 0.1 s for the one pass,
        // which costs no more than the search's ranking did (benchmarks/PERFORMANCE.md, issue 18). The search and the ids
        // go as parameters.
        const string sql = """
            SELECT s.Id AS SentenceId, s.ArticleId AS ArticleId, s."Index" AS "Index",
                   highlight(sentence_fts, 0, char(2), char(3)) AS Marked, bm25(sentence_fts) AS Rank,
                   CASE WHEN s.SearchText IS NULL THEN NULL ELSE s.Text END AS Folded
            FROM sentence_fts JOIN sentences AS s ON s.Id = sentence_fts.rowid
            WHERE sentence_fts MATCH @fts_match AND +sentence_fts.rowid IN (SELECT value FROM json_each(@sentence_ids))
            """;
        var rows = await db.Database.SqlQueryRaw<FtsRow>(sql, new SqliteParameter("@fts_match", match), new SqliteParameter("@sentence_ids", ids))
            .ToListAsync(ct);
        return rows.Select(r => new SearchHit(r.SentenceId, r.ArticleId, r.Index, r.Rank, OnOriginal(Offsets(r.Marked), r.Folded))).ToList();
    }

    /// <summary>
    /// highlight() marks the text the index holds; for a sentence indexed by its folded text (<paramref name="original"/>
    /// is then its text) the marks are moved onto the original.
    /// </summary>
    public static List<(int Start, int Length)> OnOriginal(List<(int Start, int Length)> marks, string? original)
    {
        if (original is null || marks.Count == 0) return marks;
        var folded = FoldedText.Of(original);
        return marks.Select(m => folded.ToOriginal(m.Start, m.Length)).ToList();
    }

    /// <summary>
    /// The same on PostgreSQL: ts_headline marks the matched words (every one: HighlightAll) with the same control
    /// characters over the text the search column holds (marks moved onto the original for folded Arabic, as above), ts_rank
    /// ranks (negated: lower first, as bm25). ts_headline marks words as that text is written, so a Latin word matched
    /// only through unaccent's folding is found but not marked (docs/postgres.md).
    /// </summary>
    static async Task<List<SearchHit>> HighlightOnPostgresAsync(DashboardDb db, SearchQuery search, string ids, CancellationToken ct)
    {
        var parameters = new List<System.Data.Common.DbParameter> { db.Parameter("@sentence_ids", ids) };
        var tsquery = PostgresSearch.TsQuery(search, parameters);
        // Only operators, parameter names and constants are put into the text.
        var sql = $"""
            SELECT s."Id" AS "SentenceId", s."ArticleId" AS "ArticleId", s."Index" AS "Index",
                   ts_headline('simple', COALESCE(s."SearchText", s."Text"), q.q, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Marked",
                   CAST(-ts_rank(s.search, q.q) AS double precision) AS "Rank",
                   CASE WHEN s."SearchText" IS NULL THEN NULL ELSE s."Text" END AS "Folded"
            FROM sentences AS s, (SELECT {tsquery} AS q) AS q
            WHERE s.search @@ q.q AND s."Id" IN ({db.IdsFromJson("@sentence_ids")})
            """;
        var rows = await db.Database.SqlQueryRaw<FtsRow>(sql, [.. parameters]).ToListAsync(ct);
        var phrases = search.Groups.Any(g => g.Any(t => t.Words.Contains(' ', StringComparison.Ordinal)));
        return rows.Select(r => new SearchHit(r.SentenceId, r.ArticleId, r.Index, r.Rank, OnOriginal(phrases ? MergePhrases(Offsets(r.Marked), r.Marked) : Offsets(r.Marked), r.Folded))).ToList();
    }

    /// <summary>
    /// ts_headline marks each word of a phrase on its own ("east" "Aleppo"); FTS5's highlight() marks the phrase
    /// ("east Aleppo"). When the search has a phrase, marks with only a space or a hyphen between them are joined, as
    /// one phrase's would be.
    /// </summary>
    static List<(int Start, int Length)> MergePhrases(List<(int Start, int Length)> marks, string marked)
    {
        if (marks.Count < 2) return marks;
        var plain = marked.Replace(Open.ToString(), "", StringComparison.Ordinal).Replace(Close.ToString(), "", StringComparison.Ordinal);
        var merged = new List<(int Start, int Length)> { marks[0] };
        foreach (var (start, length) in marks.Skip(1))
        {
            var (lastStart, lastLength) = merged[^1];
            var gap = plain.AsSpan(lastStart + lastLength, Math.Max(0, start - lastStart - lastLength));
            if (gap.Length <= 2 && !gap.ContainsAnyExcept(' ', '-')) merged[^1] = (lastStart, start + length - lastStart);
            else merged.Add((start, length));
        }
        return merged;
    }

    /// <summary>Turns highlight()'s marked text into offsets into the plain sentence text.</summary>
    public static List<(int Start, int Length)> Offsets(string marked)
    {
        var spans = new List<(int, int)>();
        var plain = 0;
        var start = -1;
        foreach (var c in marked)
        {
            if (c == Open) start = plain;
            else if (c == Close && start >= 0)
            {
                spans.Add((start, plain - start));
                start = -1;
            }
            else plain++;
        }
        return spans;
    }

    sealed class FtsRow
    {
        public int SentenceId { get; set; }
        public int ArticleId { get; set; }
        public int Index { get; set; }
        public string Marked { get; set; } = "";
        public double Rank { get; set; }
        /// <summary>The sentence's text when the index holds its folded text instead; null otherwise.</summary>
        public string? Folded { get; set; }
    }
}
