using Jiaowang.Core.Plans;
using Jiaowang.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> notice)
    {
        notice.ToTable("SupervisionNotices");
        notice.Property(n => n.Subject).HasMaxLength(NoticeRules.MaxSubject);
        notice.Property(n => n.RelatesTo).HasMaxLength(100);
        notice.Property(n => n.Colour).HasConversion<string>().HasMaxLength(10);
        notice.Property(n => n.Status).HasConversion<string>().HasMaxLength(10);
        notice.Property(n => n.IssuedBy).HasMaxLength(256);
        notice.Property(n => n.Answer).HasMaxLength(NoticeRules.MaxAnswer);
        notice.Property(n => n.AnsweredBy).HasMaxLength(256);
        notice.Property(n => n.VerifiedBy).HasMaxLength(256);
        notice.Property(n => n.Version).IsConcurrencyToken();
        notice.Ignore(n => n.Number);
        notice.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        notice.HasOne<Plan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Restrict);
        // Gapless numbering under concurrency: the second of two issuers taking the same number fails here and retries.
        notice.HasIndex(n => new { n.Year, n.Sequence }).IsUnique();
        notice.HasIndex(n => new { n.UnitId, n.Status });
    }
}

sealed class SupervisionEntryConfiguration : IEntityTypeConfiguration<SupervisionEntry>
{
    public void Configure(EntityTypeBuilder<SupervisionEntry> entry)
    {
        entry.ToTable("SupervisionEntries");
        entry.Property(e => e.Item).HasMaxLength(100);
        entry.Property(e => e.Step).HasMaxLength(30);
        entry.Property(e => e.Once).HasMaxLength(30);
        entry.Property(e => e.Text).HasMaxLength(4000);
        entry.Property(e => e.By).HasMaxLength(256);
        entry.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<SupervisionNotice>().WithMany().HasForeignKey(e => e.NoticeId).OnDelete(DeleteBehavior.Restrict);
        // Each ladder step once per item, whatever the number of instances racing (NULLs, the repeatable actions, never clash).
        entry.HasIndex(e => new { e.Item, e.Once }).IsUnique();
        entry.HasIndex(e => new { e.UnitId, e.Step });
    }
}

sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> receipt)
    {
        receipt.ToTable("Receipts");
        receipt.Property(r => r.Kind).HasMaxLength(20);
        receipt.Property(r => r.By).HasMaxLength(256);
        receipt.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        receipt.HasIndex(r => new { r.Kind, r.ItemId, r.UnitId }).IsUnique();
    }
}

sealed class LadderSettingsConfiguration : IEntityTypeConfiguration<LadderSettingsRow>
{
    public void Configure(EntityTypeBuilder<LadderSettingsRow> settings)
    {
        settings.ToTable("LadderSettings");
        settings.HasKey(s => s.PlanId);
        settings.Property(s => s.UpdatedBy).HasMaxLength(256);
        settings.Ignore(s => s.Settings);
        settings.HasOne<Plan>().WithOne().HasForeignKey<LadderSettingsRow>(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
