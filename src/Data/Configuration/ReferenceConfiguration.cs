using AleppoDashboard.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AleppoDashboard.Data.Configuration;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> b)
    {
        b.ToTable("places");
        // read from the CSV by extraction only: the pages show the one Arabic name
        b.Ignore(p => p.AliasesAr);
    }
}

internal sealed class FramingTermConfiguration : IEntityTypeConfiguration<FramingTerm>
{
    public void Configure(EntityTypeBuilder<FramingTerm> b)
    {
        b.ToTable("framing_terms");
        b.HasIndex(t => t.Group);
    }
}
