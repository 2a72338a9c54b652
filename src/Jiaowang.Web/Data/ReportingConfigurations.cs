using Jiaowang.Core.Audit;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> period)
    {
        period.ToTable("Periods");
        period.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Periods are generated on first use; the index keeps two first requests from generating them twice.
        period.HasIndex(p => new { p.PlanId, p.Kind, p.Start }).IsUnique();
    }
}

sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.Property(r => r.Text).HasMaxLength(200_000);
        report.Property(r => r.ReviewComment).HasMaxLength(4000);
        report.Property(r => r.ReviewedBy).HasMaxLength(256);
        report.Property(r => r.ApprovedBy).HasMaxLength(256);
        // Two people saving the same report: the second save names a version that is no longer current and is refused.
        report.Property(r => r.Version).IsConcurrencyToken();
        // Reports are never deleted: a plan, period, task or unit that has reports cannot be deleted either.
        report.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        report.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
        report.HasIndex(r => new { r.PeriodId, r.TaskId, r.UnitId });
        report.HasIndex(r => new { r.UnitId, r.State });
    }
}

sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> version)
    {
        version.Property(v => v.Action).HasMaxLength(20);
        version.Property(v => v.Text).HasMaxLength(200_000);
        version.Property(v => v.Comment).HasMaxLength(4000);
        version.Property(v => v.By).HasMaxLength(256);
        version.HasIndex(v => new { v.ReportId, v.Version }).IsUnique();
    }
}

sealed class TargetUnitConfiguration : IEntityTypeConfiguration<TargetUnit>
{
    public void Configure(EntityTypeBuilder<TargetUnit> assignment)
    {
        assignment.HasKey(a => new { a.TargetId, a.UnitId });
        assignment.HasOne<Target>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasIndex(a => a.UnitId);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Entity).HasMaxLength(50);
        entry.Property(e => e.EntityId).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(30);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        // One successor per entry: two writers that read the same last hash cannot both append, so the chain never forks.
        entry.HasIndex(e => e.PreviousHash).IsUnique();
        entry.HasIndex(e => e.At);
    }
}

sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.Property(r => r.Text).HasMaxLength(4000);
        reminder.Property(r => r.SentBy).HasMaxLength(256);
        reminder.Property(r => r.AutoKey).HasMaxLength(100);
        reminder.Property(r => r.EmailedTo).HasMaxLength(4000);
        reminder.Property(r => r.EmailError).HasMaxLength(1000);
        reminder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        reminder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        reminder.HasIndex(r => r.AutoKey).IsUnique();
        reminder.HasIndex(r => new { r.UnitId, r.Id });
    }
}

sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(260);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.UploadedBy).HasMaxLength(256);
        // Kept in the database with the report: one backup holds both, and both providers store 20 MB blobs well.
        attachment.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasIndex(a => a.ReportId);
    }
}

sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> instruction)
    {
        instruction.Property(i => i.Text).HasMaxLength(4000);
        instruction.Property(i => i.By).HasMaxLength(256);
        instruction.Property(i => i.Answer).HasMaxLength(8000);
        instruction.Property(i => i.AnsweredBy).HasMaxLength(256);
        instruction.HasOne<Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        instruction.HasOne<Report>().WithMany().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Restrict);
        instruction.HasOne<PlanTask>().WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Restrict);
        instruction.HasIndex(i => new { i.UnitId, i.Id });
        instruction.HasIndex(i => i.ReportId);
    }
}
