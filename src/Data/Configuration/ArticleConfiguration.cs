using AleppoDashboard.Data.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AleppoDashboard.Data.Configuration;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.ToTable("articles");
        b.HasIndex(a => a.SourceFile).IsUnique();
        b.HasIndex(a => a.Published);
        // Words too, so the overview's per-outlet counts, dates and word sums read only this index, not the rows (with their bodies).
        b.HasIndex(a => new { a.OutletId, a.Published, a.Words });
        // Stored as ISO text so that ordering and range filters work in SQL.
        b.Property(a => a.IngestedAt).HasConversion(v => v.UtcDateTime.ToString("O"), v => DateTimeOffset.Parse(v));
        b.HasOne(a => a.Outlet).WithMany(o => o.Articles).HasForeignKey(a => a.OutletId);
    }
}
