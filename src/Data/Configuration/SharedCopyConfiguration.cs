using AleppoDashboard.Data.SharedCopyDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AleppoDashboard.Data.Configuration;

/// <summary>
/// The stored shared-copy map. (TextId, ArticleId, Index) hands a text's copies out in article then sentence order
/// without a sort; ArticleId serves the filters (the shared sentences of the filtered articles).
/// </summary>
internal sealed class SharedCopySentenceConfiguration : IEntityTypeConfiguration<SharedCopySentence>
{
    public void Configure(EntityTypeBuilder<SharedCopySentence> b)
    {
        b.ToTable("shared_copy_sentences");
        b.HasKey(s => s.SentenceId);
        b.Property(s => s.SentenceId).ValueGeneratedNever();
        b.HasOne(s => s.Sentence).WithOne().HasForeignKey<SharedCopySentence>(s => s.SentenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.TextId, s.ArticleId, s.Index });
        b.HasIndex(s => s.ArticleId);
    }
}

internal sealed class SharedCopyTextConfiguration : IEntityTypeConfiguration<SharedCopyText>
{
    public void Configure(EntityTypeBuilder<SharedCopyText> b)
    {
        b.ToTable("shared_copy_texts");
        b.HasKey(t => t.TextId);
        b.Property(t => t.TextId).ValueGeneratedNever();
    }
}

internal sealed class SharedCopyHeadConfiguration : IEntityTypeConfiguration<SharedCopyHead>
{
    public void Configure(EntityTypeBuilder<SharedCopyHead> b)
    {
        b.ToTable("shared_copy_heads");
        b.HasKey(h => h.TextId);
        b.Property(h => h.TextId).ValueGeneratedNever();
    }
}
