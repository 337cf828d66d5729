using AleppoDashboard.Data.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AleppoDashboard.Data.Configuration;

/// <summary>
/// Every fact table: cascade-deleted with its article and sentence, indexed for the filters. The index on
/// (ArticleId, SentenceId, Start) also hands the exports their rows in order (article, sentence, position)
/// without a sort: sentence ids rise with the sentence index within an article (an article's sentences are
/// always inserted together, in order).
/// </summary>
internal abstract class FactConfiguration<T> : IEntityTypeConfiguration<T> where T : SentenceSpan
{
    protected abstract string Table { get; }

    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.ToTable(Table);
        b.HasOne(f => f.Article).WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.Sentence).WithMany().HasForeignKey(f => f.SentenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.ArticleId, f.SentenceId, f.Start });
        b.HasIndex(f => f.SentenceId);
    }
}

internal sealed class PlaceMentionConfiguration : FactConfiguration<PlaceMention>
{
    protected override string Table => "place_mentions";

    public override void Configure(EntityTypeBuilder<PlaceMention> b)
    {
        base.Configure(b);
        b.HasOne(m => m.Place).WithMany().HasForeignKey(m => m.PlaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.PlaceId, m.ArticleId });
    }
}

internal sealed class ControlClaimConfiguration : FactConfiguration<ControlClaim>
{
    protected override string Table => "control_claims";

    public override void Configure(EntityTypeBuilder<ControlClaim> b)
    {
        base.Configure(b);
        b.HasIndex(c => c.Scope);
        // Stored as the words they always were ("area", "at least"): the CSVs, the chart's JSON and older files keep them.
        b.Property(c => c.Kind).HasConversion(k => k.ToText(), s => ClaimKinds.Parse(s));
        b.Property(c => c.Hedge).HasConversion(h => h.ToText(), s => ClaimHedges.Parse(s));
    }
}

internal sealed class SourceAttributionConfiguration : FactConfiguration<SourceAttribution>
{
    protected override string Table => "source_attributions";
}

internal sealed class FramingTermHitConfiguration : FactConfiguration<FramingTermHit>
{
    protected override string Table => "framing_term_hits";

    public override void Configure(EntityTypeBuilder<FramingTermHit> b)
    {
        base.Configure(b);
        b.HasOne(h => h.Term).WithMany().HasForeignKey(h => h.TermId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.TermId, h.ArticleId });
    }
}
