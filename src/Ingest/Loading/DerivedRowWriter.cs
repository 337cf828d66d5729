using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.FastInsert;
using AleppoDashboard.Data.Schema;
using AleppoDashboard.Ingest.Extraction;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Splits a stored article into sentences, extracts its facts and inserts both inside the open transaction
/// of <paramref name="db"/>. The articles must already have their ids (stored earlier in the same transaction),
/// and their old sentences must be gone (deleted in the same transaction).
/// </summary>
internal sealed class DerivedRowWriter : IDisposable
{
    readonly FactExtractor extractor;
    readonly IngestStageTimes? times;
    readonly bool indexSentences;
    readonly DashboardDb db;
    readonly IRowInserter<Sentence> sentences;
    readonly IRowInserter<PlaceMention> mentions;
    readonly IRowInserter<ControlClaim> claims;
    readonly IRowInserter<SourceAttribution> attributions;
    readonly IRowInserter<FramingTermHit> termHits;

    /// <param name="indexSentences">
    /// False in a bulk load, which fills the full-text index in chunks of many batches (BulkLoad.IndexSentencesIfDue).
    /// </param>
    public DerivedRowWriter(DashboardDb db, FactExtractor extractor, IngestStageTimes? times = null, bool indexSentences = true)
    {
        this.extractor = extractor;
        this.times = times;
        // On PostgreSQL the search column is generated with each row: nothing to index afterwards.
        this.indexSentences = indexSentences && !db.IsPostgres();
        this.db = db;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Sentences and facts are written inside the article's transaction.");
        }
        sentences = RowInserters.For<Sentence>(db);
        mentions = RowInserters.For<PlaceMention>(db);
        claims = RowInserters.For<ControlClaim>(db);
        attributions = RowInserters.For<SourceAttribution>(db);
        termHits = RowInserters.For<FramingTermHit>(db);
    }

    /// <summary>Derives and writes the articles' sentences and facts (as <see cref="Write(IReadOnlyList{ValueTuple{Article, DerivedRows}}, CancellationToken)"/>).</summary>
    public void Write(IReadOnlyList<Article> articles, CancellationToken ct = default) =>
        Write(articles.Select(a => { ct.ThrowIfCancellationRequested(); return (a, DerivedRows.Of(a, extractor)); }).ToList(), ct);

    /// <summary>
    /// Writes the articles' sentences, then each kind of fact, table by table, then adds the new sentences to the
    /// full-text index in one statement (instead of a trigger per sentence), unless this writer is part of a bulk
    /// load. The rows were derived beforehand (<see cref="DerivedRows"/>) and are pointed at their stored article here.
    /// </summary>
    public void Write(IReadOnlyList<(Article Article, DerivedRows Rows)> articles, CancellationToken ct = default)
    {
        var firstSentenceId = sentences.NextId;
        using (Stage("insert sentences")) sentences.InsertAll(SentencesOf(articles, ct));
        SentenceIds = (firstSentenceId, sentences.NextId);
        var facts = articles.Select(a => (a.Article, a.Rows.Facts)).ToList();
        using (Stage("insert place_mentions")) Insert(mentions, facts.SelectMany(f => Of(f.Article, f.Facts.Mentions)));
        using (Stage("insert control_claims")) Insert(claims, facts.SelectMany(f => Of(f.Article, f.Facts.Claims)));
        using (Stage("insert source_attributions")) Insert(attributions, facts.SelectMany(f => Of(f.Article, f.Facts.Attributions)));
        using (Stage("insert framing_term_hits")) Insert(termHits, facts.SelectMany(f => Of(f.Article, f.Facts.TermHits)));
        if (indexSentences)
        {
            using (Stage("fts fill")) IndexSentencesFrom(firstSentenceId);
        }
    }

    /// <summary>The articles' sentences, pointed at their stored article.</summary>
    static IEnumerable<Sentence> SentencesOf(IReadOnlyList<(Article Article, DerivedRows Rows)> articles, CancellationToken ct)
    {
        foreach (var (article, rows) in articles)
        {
            ct.ThrowIfCancellationRequested();
            article.Sentences = rows.Sentences;
            foreach (var sentence in rows.Sentences)
            {
                sentence.Article = article;
                sentence.ArticleId = article.Id;
                yield return sentence;
            }
        }
    }

    /// <summary>The facts, pointed at their stored article.</summary>
    static IEnumerable<T> Of<T>(Article article, IEnumerable<T> facts) where T : SentenceSpan
    {
        foreach (var fact in facts)
        {
            fact.Article = article;
            yield return fact;
        }
    }

    /// <summary>The ids [From, To) of the sentences <see cref="Write(IReadOnlyList{ValueTuple{Article, DerivedRows}}, CancellationToken)"/> inserted last.</summary>
    public (int From, int To) SentenceIds { get; private set; }

    StageScope? Stage(string stage) => times?.Stage(stage);

    /// <summary>The sentences inserted by this writer (ids from <paramref name="firstId"/> on) into sentence_fts.</summary>
    void IndexSentencesFrom(int firstId)
    {
        using var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = SentenceSearchIndex.IndexNewSentencesSql;
        command.Parameters.AddWithValue("$first", firstId);
        command.ExecuteNonQuery();
    }

    static void Insert<T>(IRowInserter<T> inserter, IEnumerable<T> facts) where T : SentenceSpan
    {
        inserter.InsertAll(facts.Select(fact =>
        {
            fact.ArticleId = fact.Article.Id;
            fact.SentenceId = fact.Sentence.Id;
            return fact;
        }));
    }

    public void Dispose()
    {
        sentences.Dispose();
        mentions.Dispose();
        claims.Dispose();
        attributions.Dispose();
        termHits.Dispose();
    }
}
