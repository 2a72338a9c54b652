using Jiaowang.Core.Plans;
using Jiaowang.Core.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> place)
    {
        place.Property(p => p.Key).HasMaxLength(100);
        place.HasIndex(p => p.Key).IsUnique();
        place.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        place.HasIndex(p => new { p.Category, p.Published });
        place.Property(p => p.District).HasMaxLength(50);
        place.Property(p => p.NameZh).HasMaxLength(200);
        place.Property(p => p.AddressZh).HasMaxLength(500);
        place.Property(p => p.HoursZh).HasMaxLength(500);
        place.Property(p => p.ServicesZh).HasMaxLength(2000);
        place.Property(p => p.Phone).HasMaxLength(100);
        place.Property(p => p.Languages).HasMaxLength(100);
        place.Property(p => p.Website).HasMaxLength(500);
        place.Property(p => p.Source).HasMaxLength(1000);
        place.Property(p => p.Version).IsConcurrencyToken();
        place.HasMany(p => p.Translations).WithOne().HasForeignKey(t => t.PlaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PlaceTranslationConfiguration : IEntityTypeConfiguration<PlaceTranslation>
{
    public void Configure(EntityTypeBuilder<PlaceTranslation> t)
    {
        t.Property(x => x.Lang).HasMaxLength(10);
        t.HasIndex(x => new { x.PlaceId, x.Lang }).IsUnique();
        t.Property(x => x.Name).HasMaxLength(200);
        t.Property(x => x.Address).HasMaxLength(500);
        t.Property(x => x.Hours).HasMaxLength(500);
        t.Property(x => x.Services).HasMaxLength(2000);
    }
}

sealed class PlaceVersionConfiguration : IEntityTypeConfiguration<PlaceVersion>
{
    public void Configure(EntityTypeBuilder<PlaceVersion> v)
    {
        v.Property(x => x.SavedBy).HasMaxLength(200);
        v.HasIndex(x => new { x.PlaceId, x.Number }).IsUnique();
        v.HasOne<Place>().WithMany().HasForeignKey(x => x.PlaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ServiceCategoryUnitConfiguration : IEntityTypeConfiguration<ServiceCategoryUnit>
{
    public void Configure(EntityTypeBuilder<ServiceCategoryUnit> c)
    {
        c.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        c.HasKey(x => x.Category);
        c.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SignageReportConfiguration : IEntityTypeConfiguration<SignageReport>
{
    public void Configure(EntityTypeBuilder<SignageReport> r)
    {
        r.Property(x => x.Reference).HasMaxLength(20);
        r.HasIndex(x => x.Reference).IsUnique();
        r.Property(x => x.Place).HasMaxLength(300);
        r.Property(x => x.TextSeen).HasMaxLength(1000);
        r.Property(x => x.Suggested).HasMaxLength(1000);
        r.Property(x => x.PhotoType).HasMaxLength(20);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Answer).HasMaxLength(2000);
        r.HasIndex(x => new { x.Status, x.UnitId });
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class ServiceGuideConfiguration : IEntityTypeConfiguration<ServiceGuide>
{
    public void Configure(EntityTypeBuilder<ServiceGuide> g)
    {
        g.Property(x => x.Slug).HasMaxLength(100);
        g.HasIndex(x => x.Slug).IsUnique();
        g.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        g.Property(x => x.PlaceKeys).HasMaxLength(1000);
        g.Property(x => x.Sources).HasMaxLength(4000);
        g.Property(x => x.Version).IsConcurrencyToken();
        g.HasMany(x => x.Texts).WithOne().HasForeignKey(t => t.GuideId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ServiceGuideTextConfiguration : IEntityTypeConfiguration<ServiceGuideText>
{
    public void Configure(EntityTypeBuilder<ServiceGuideText> t)
    {
        t.Property(x => x.Lang).HasMaxLength(10);
        t.HasIndex(x => new { x.GuideId, x.Lang }).IsUnique();
        t.Property(x => x.Title).HasMaxLength(200);
        t.Property(x => x.Summary).HasMaxLength(2000);
        t.Property(x => x.Bring).HasMaxLength(4000);
        t.Property(x => x.Where).HasMaxLength(2000);
        t.Property(x => x.HowLong).HasMaxLength(1000);
        t.Property(x => x.Steps).HasMaxLength(8000);
    }
}

sealed class ServiceGuideVersionConfiguration : IEntityTypeConfiguration<ServiceGuideVersion>
{
    public void Configure(EntityTypeBuilder<ServiceGuideVersion> v)
    {
        v.Property(x => x.SavedBy).HasMaxLength(200);
        v.HasIndex(x => new { x.GuideId, x.Number }).IsUnique();
        v.HasOne<ServiceGuide>().WithMany().HasForeignKey(x => x.GuideId).OnDelete(DeleteBehavior.Cascade);
    }
}
