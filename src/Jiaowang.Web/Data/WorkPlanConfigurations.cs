using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> plan)
    {
        plan.Property(p => p.Text).HasMaxLength(20000);
        plan.Property(p => p.ReviewComment).HasMaxLength(2000);
        plan.Property(p => p.ReviewedBy).HasMaxLength(256);
        plan.Property(p => p.SubmittedBy).HasMaxLength(256);
        plan.Property(p => p.FileName).HasMaxLength(260);
        plan.Property(p => p.FileType).HasMaxLength(100);
        plan.Property(p => p.FileSha256).HasMaxLength(64);
        plan.HasOne(p => p.Task).WithMany().HasForeignKey(p => p.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        plan.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One work plan per task and unit: the unit edits it rather than piling up versions.
        plan.HasIndex(p => new { p.PlanTaskId, p.UnitId }).IsUnique();
    }
}

sealed class WorkPlanMeasureConfiguration : IEntityTypeConfiguration<WorkPlanMeasure>
{
    public void Configure(EntityTypeBuilder<WorkPlanMeasure> measure)
    {
        measure.Property(m => m.Text).HasMaxLength(1000);
        measure.HasOne(m => m.WorkPlan).WithMany(p => p.Measures).HasForeignKey(m => m.WorkPlanId).OnDelete(DeleteBehavior.Cascade);
        measure.HasIndex(m => new { m.WorkPlanId, m.Position });
    }
}

sealed class MeasureProgressConfiguration : IEntityTypeConfiguration<MeasureProgress>
{
    public void Configure(EntityTypeBuilder<MeasureProgress> progress)
    {
        progress.Property(p => p.Note).HasMaxLength(500);
        progress.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        progress.HasOne<Measure>().WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Cascade);
        progress.HasOne<WorkPlanMeasure>().WithMany().HasForeignKey(p => p.WorkPlanMeasureId).OnDelete(DeleteBehavior.Cascade);
        progress.HasIndex(p => p.ReportId);
    }
}
