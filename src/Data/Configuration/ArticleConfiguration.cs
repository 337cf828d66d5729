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
        b.HasIndex(a => new { a.OutletId, a.Published });
        // Stored as ISO text so that ordering and range filters work in SQL.
        b.Property(a => a.IngestedAt).HasConversion(v => v.UtcDateTime.ToString("O"), v => DateTimeOffset.Parse(v));
        b.HasOne(a => a.Outlet).WithMany(o => o.Articles).HasForeignKey(a => a.OutletId);
    }
}
