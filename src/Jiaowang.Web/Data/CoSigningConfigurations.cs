using Jiaowang.Core.Assessment;
using Jiaowang.Core.Meetings;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class ExtensionConfiguration : IEntityTypeConfiguration<Extension>
{
    public void Configure(EntityTypeBuilder<Extension> e)
    {
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.DecisionNote).HasMaxLength(2000);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FollowUp>().WithMany().HasForeignKey(x => x.FollowUpId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PeriodId, x.UnitId, x.State });
        e.HasIndex(x => new { x.State, x.RequestedAt });
    }
}

sealed class TaskReturnConfiguration : IEntityTypeConfiguration<TaskReturn>
{
    public void Configure(EntityTypeBuilder<TaskReturn> r)
    {
        r.Property(x => x.Reason).HasMaxLength(2000);
        r.Property(x => x.DecisionNote).HasMaxLength(2000);
        r.Property(x => x.RequestedBy).HasMaxLength(256);
        r.Property(x => x.DecidedBy).HasMaxLength(256);
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.State, x.RequestedAt });
    }
}

sealed class TaskSummaryConfiguration : IEntityTypeConfiguration<TaskSummary>
{
    public void Configure(EntityTypeBuilder<TaskSummary> s)
    {
        s.Property(x => x.Text).HasMaxLength(200_000);
        s.Property(x => x.ReviewComment).HasMaxLength(4000);
        s.Property(x => x.ReviewedBy).HasMaxLength(256);
        s.Property(x => x.OverrideReason).HasMaxLength(2000);
        s.Property(x => x.UpdatedBy).HasMaxLength(256);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.PlanTaskId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<ReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        s.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        s.HasMany(x => x.Signatures).WithOne().HasForeignKey(x => x.SummaryId).OnDelete(DeleteBehavior.Cascade);
        // One summary per task, period and lead unit.
        s.HasIndex(x => new { x.PlanTaskId, x.PeriodId, x.LeadUnitId }).IsUnique();
    }
}

sealed class SummarySignatureConfiguration : IEntityTypeConfiguration<SummarySignature>
{
    public void Configure(EntityTypeBuilder<SummarySignature> s)
    {
        s.Property(x => x.Comment).HasMaxLength(4000);
        s.Property(x => x.By).HasMaxLength(256);
        s.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        s.HasIndex(x => new { x.SummaryId, x.UnitId }).IsUnique();
    }
}

sealed class PlanAssessmentWeightsConfiguration : IEntityTypeConfiguration<PlanAssessmentWeights>
{
    public void Configure(EntityTypeBuilder<PlanAssessmentWeights> w)
    {
        w.HasKey(x => x.PlanId);
        w.Property(x => x.PlanId).ValueGeneratedNever();
        w.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
