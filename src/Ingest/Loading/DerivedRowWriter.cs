using AleppoDashboard.Data;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Ingest.Extraction;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AleppoDashboard.Ingest.Loading;

/// <summary>
/// Splits a stored article into sentences, extracts its facts and inserts both inside the open transaction
/// of <paramref name="db"/>. The article must already have its id (saved earlier in the same transaction).
/// </summary>
internal sealed class DerivedRowWriter : IDisposable
{
    readonly FactExtractor extractor;
    readonly RowInserter<Sentence> sentences;
    readonly RowInserter<PlaceMention> mentions;
    readonly RowInserter<ControlClaim> claims;
    readonly RowInserter<SourceAttribution> attributions;
    readonly RowInserter<FramingTermHit> termHits;

    public DerivedRowWriter(DashboardDb db, FactExtractor extractor)
    {
        this.extractor = extractor;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Sentences and facts are written inside the article's transaction."));
        var model = new DashboardDbModel(db.Model);
        sentences = new(model, connection, transaction);
        mentions = new(model, connection, transaction);
        claims = new(model, connection, transaction);
        attributions = new(model, connection, transaction);
        termHits = new(model, connection, transaction);
    }

    public void Write(Article article)
    {
        article.Sentences = ArticleBuilder.SentencesOf(article);
        foreach (var sentence in article.Sentences)
        {
            sentence.ArticleId = article.Id;
            sentence.Id = sentences.Insert(sentence);
        }
        var facts = extractor.Extract(article);
        Insert(mentions, facts.Mentions);
        Insert(claims, facts.Claims);
        Insert(attributions, facts.Attributions);
        Insert(termHits, facts.TermHits);
    }

    static void Insert<T>(RowInserter<T> inserter, IEnumerable<T> facts) where T : SentenceSpan
    {
        foreach (var fact in facts)
        {
            fact.ArticleId = fact.Article.Id;
            fact.SentenceId = fact.Sentence.Id;
            fact.Id = inserter.Insert(fact);
        }
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
