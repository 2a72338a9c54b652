using Jiaowang.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

// Enums are stored as their names: the registry is read by people with SQL tools too, and a name survives reordering.

sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.Property(p => p.NameEn).HasMaxLength(200);
        partner.Property(p => p.NameZh).HasMaxLength(200);
        partner.Property(p => p.CountryCode).HasMaxLength(2);
        partner.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        partner.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        partner.Property(p => p.Notes).HasMaxLength(2000);
        partner.Property(p => p.Source).HasMaxLength(2000);
        partner.Ignore(p => p.IsActive);
        // One partner per city and country: import refuses duplicates, the database makes sure.
        partner.HasIndex(p => new { p.CountryCode, p.NameEn }).IsUnique();
        partner.HasIndex(p => new { p.Status, p.Kind });
        partner.HasMany(p => p.Pairs).WithOne(p => p.Partner).HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Cascade);
        partner.HasMany(p => p.Changes).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        partner.HasMany(p => p.Projects).WithMany(p => p.Partners).UsingEntity(j => j.ToTable("ExchangeProjectPartners"));
    }
}

sealed class GrassrootsPairConfiguration : IEntityTypeConfiguration<GrassrootsPair>
{
    public void Configure(EntityTypeBuilder<GrassrootsPair> pair)
    {
        pair.Property(p => p.Type).HasMaxLength(50);
        pair.Property(p => p.WuhanSide).HasMaxLength(200);
        pair.Property(p => p.PartnerSide).HasMaxLength(200);
    }
}

sealed class ExchangeProjectConfiguration : IEntityTypeConfiguration<ExchangeProject>
{
    public void Configure(EntityTypeBuilder<ExchangeProject> project)
    {
        project.Property(p => p.Title).HasMaxLength(500);
        project.Property(p => p.Field).HasMaxLength(50);
        project.Property(p => p.Units).HasMaxLength(500);
    }
}

sealed class PartnerChangeConfiguration : IEntityTypeConfiguration<PartnerChange>
{
    public void Configure(EntityTypeBuilder<PartnerChange> change)
    {
        change.Property(c => c.ChangedBy).HasMaxLength(200);
        change.Property(c => c.Action).HasMaxLength(20);
        change.HasIndex(c => new { c.PartnerId, c.ChangedAt });
    }
}

sealed class InternationalEventConfiguration : IEntityTypeConfiguration<InternationalEvent>
{
    public void Configure(EntityTypeBuilder<InternationalEvent> e)
    {
        e.ToTable("Events");
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.Who).HasMaxLength(300);
        e.Property(x => x.Level).HasMaxLength(100);
        e.Property(x => x.HostUnit).HasMaxLength(300);
        e.Property(x => x.Notes).HasMaxLength(2000);
        e.Property(x => x.Source).HasMaxLength(2000);
        e.HasIndex(x => new { x.Category, x.StartsOn });
    }
}
