using AleppoDashboard.Data.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AleppoDashboard.Data.Configuration;

internal sealed class SentenceConfiguration : IEntityTypeConfiguration<Sentence>
{
    public void Configure(EntityTypeBuilder<Sentence> b)
    {
        b.ToTable("sentences");
        b.HasIndex(s => new { s.ArticleId, s.Index }).IsUnique();
        b.HasOne(s => s.Article).WithMany(a => a.Sentences).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
