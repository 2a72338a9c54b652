using Jiaowang.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.Property(p => p.Title).HasMaxLength(500);
        plan.Property(p => p.DocumentNumber).HasMaxLength(100);
        plan.Property(p => p.SourceName).HasMaxLength(260);
        plan.Property(p => p.SourceHash).HasMaxLength(64);
        plan.HasIndex(p => p.SourceHash);
        plan.HasIndex(p => p.DocumentNumber);
        plan.Ignore(p => p.IdentityKey);
        // Plans stored before lifecycles existed are under way (0 = Active).
        plan.Property(p => p.Lifecycle).HasDefaultValue(PlanLifecycle.Active);
        plan.HasMany(p => p.TargetGroups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.TaskGroups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TargetGroupConfiguration : IEntityTypeConfiguration<TargetGroup>
{
    public void Configure(EntityTypeBuilder<TargetGroup> group)
    {
        group.Property(g => g.Name).HasMaxLength(200);
        group.HasMany(g => g.Targets).WithOne(t => t.Group).HasForeignKey(t => t.TargetGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> target)
    {
        target.Property(t => t.Text).HasMaxLength(1000);
        target.Property(t => t.Metric).HasMaxLength(300);
        target.Property(t => t.Measure).HasMaxLength(50);
        target.Property(t => t.Qualifier).HasMaxLength(100);
        target.Property(t => t.Value).HasPrecision(20, 4);
        target.Property(t => t.NormalizedValue).HasPrecision(24, 6);
        target.Property(t => t.Binding).HasConversion<string>().HasMaxLength(60);
        target.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        target.Ignore(t => t.EffectiveKind);
        target.Property(t => t.Baseline).HasPrecision(20, 4);
        target.Property(t => t.TimeProfile).HasMaxLength(200);
    }
}

sealed class TaskGroupConfiguration : IEntityTypeConfiguration<TaskGroup>
{
    public void Configure(EntityTypeBuilder<TaskGroup> group)
    {
        group.Property(g => g.Number).HasMaxLength(10);
        group.Property(g => g.Title).HasMaxLength(500);
        group.HasMany(g => g.Tasks).WithOne(t => t.Group).HasForeignKey(t => t.TaskGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> task)
    {
        task.ToTable("Tasks");
        task.Property(t => t.Title).HasMaxLength(500);
        task.HasMany(t => t.Assignments).WithOne(a => a.Task).HasForeignKey(a => a.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> measure)
    {
        measure.Property(m => m.Text).HasMaxLength(1000);
        measure.Property(m => m.Deadline).HasMaxLength(100);
        measure.Property(m => m.DoneBy).HasMaxLength(256);
        measure.HasOne(m => m.Task).WithMany(t => t.Measures).HasForeignKey(m => m.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        measure.HasIndex(m => new { m.PlanTaskId, m.Position });
    }
}

sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.Property(u => u.Annotation).HasMaxLength(500);
        unit.HasIndex(u => u.Name).IsUnique();
        unit.HasMany(u => u.Assignments).WithOne(a => a.Unit).HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        unit.HasMany(u => u.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> membership)
    {
        membership.HasKey(m => new { m.GroupId, m.MemberId });
        membership.HasIndex(m => m.MemberId);
        membership.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ChosenMemberConfiguration : IEntityTypeConfiguration<ChosenMember>
{
    public void Configure(EntityTypeBuilder<ChosenMember> chosen)
    {
        chosen.HasKey(c => new { c.PlanTaskId, c.GroupId, c.MemberId });
        chosen.HasOne(c => c.Task).WithMany().HasForeignKey(c => c.PlanTaskId).OnDelete(DeleteBehavior.Cascade);
        chosen.HasOne(c => c.Group).WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Restrict);
        chosen.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.HasKey(a => new { a.PlanTaskId, a.UnitId });
        assignment.HasIndex(a => a.UnitId);
    }
}

sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> phase)
    {
        phase.Property(p => p.Name).HasMaxLength(200);
    }
}

sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> reading)
    {
        reading.Property(r => r.Value).HasPrecision(20, 4);
        reading.Property(r => r.Source).HasMaxLength(1000);
        reading.Property(r => r.RecordedBy).HasMaxLength(200);
        // The triggers that keep TargetRollups (Features/Targets/TargetRollupSql.cs): named so that EF on SQLite reads
        // the new id back without RETURNING, which SQLite does not allow beside an AFTER trigger's writes.
        reading.ToTable(t => t.HasTrigger(Features.Targets.TargetRollupSql.TriggerName));
        reading.HasOne(r => r.Target).WithMany(t => t.Readings).HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
        // "Latest reading per target" is the query every status needs.
        reading.HasIndex(r => new { r.TargetId, r.AsOf, r.Id });
    }
}

sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> revision)
    {
        revision.Property(r => r.AppliedBy).HasMaxLength(256);
        revision.Property(r => r.SourceName).HasMaxLength(260);
        revision.Property(r => r.SourceHash).HasMaxLength(64);
        revision.Property(r => r.Summary).HasMaxLength(200);
        revision.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.PlanId, r.AppliedAt });
    }
}
