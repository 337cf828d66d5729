using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Facts;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.EntityFrameworkCore;

namespace AleppoDashboard.Data;

/// <summary>The dashboard's SQLite database: articles as loaded, and facts derived from them.</summary>
public sealed class DashboardDb(DbContextOptions<DashboardDb> options) : DbContext(options)
{
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Sentence> Sentences => Set<Sentence>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<FramingTerm> FramingTerms => Set<FramingTerm>();
    public DbSet<PlaceMention> PlaceMentions => Set<PlaceMention>();
    public DbSet<ControlClaim> ControlClaims => Set<ControlClaim>();
    public DbSet<SourceAttribution> SourceAttributions => Set<SourceAttribution>();
    public DbSet<FramingTermHit> FramingTermHits => Set<FramingTermHit>();
    public DbSet<SharedCopySentence> SharedCopySentences => Set<SharedCopySentence>();
    public DbSet<SharedCopyText> SharedCopyTexts => Set<SharedCopyText>();
    public DbSet<SharedCopyHead> SharedCopyHeads => Set<SharedCopyHead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDb).Assembly);
        if (Database.IsNpgsql())
        {
            // Text compares and sorts by its bytes, as in SQLite, whatever the server's locale: the same corpus gives
            // the same order on every page and in every export on both providers.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            {
                if (property.GetProviderClrType() == typeof(string) || property.ClrType == typeof(string)) property.SetCollation("C");
            }
        }
    }
}
