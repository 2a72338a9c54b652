using Jiaowang.Core.Evaluations;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> evaluation)
    {
        evaluation.Property(e => e.Title).HasMaxLength(200);
        evaluation.Property(e => e.OpenedBy).HasMaxLength(256);
        evaluation.Property(e => e.ClosedEarlyBy).HasMaxLength(256);
        evaluation.Property(e => e.CloseRequestedBy).HasMaxLength(256);
        evaluation.Property(e => e.CloseRequestReason).HasMaxLength(Evaluation.ReasonMaxLength);
        evaluation.Ignore(e => e.ClosedAt);
        // Results feed the final summary: a plan with an evaluation is not deleted by accident.
        evaluation.HasOne<Plan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        evaluation.HasMany(e => e.Units).WithOne().HasForeignKey(u => u.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        evaluation.HasMany(e => e.Electors).WithOne().HasForeignKey(u => u.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        evaluation.HasIndex(e => e.PlanId);
    }
}

sealed class EvaluationUnitConfiguration : IEntityTypeConfiguration<EvaluationUnit>
{
    public void Configure(EntityTypeBuilder<EvaluationUnit> unit)
    {
        unit.HasKey(u => new { u.EvaluationId, u.UnitId });
        unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        unit.HasIndex(u => u.UnitId);
    }
}

sealed class EvaluationElectorConfiguration : IEntityTypeConfiguration<EvaluationElector>
{
    public void Configure(EntityTypeBuilder<EvaluationElector> elector)
    {
        elector.HasKey(e => new { e.EvaluationId, e.UserId });
        elector.HasOne<JiaowangUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        elector.HasIndex(e => e.UserId);
    }
}

sealed class EvaluationVoterConfiguration : IEntityTypeConfiguration<EvaluationVoter>
{
    public void Configure(EntityTypeBuilder<EvaluationVoter> voter)
    {
        // The key is the rule "one ballot per member": of two ballots racing each other, the database keeps one.
        voter.HasKey(v => new { v.EvaluationId, v.UserId });
        voter.HasOne<Evaluation>().WithMany().HasForeignKey(v => v.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        voter.HasOne<JiaowangUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Restrict);
        voter.HasIndex(v => v.UserId);
    }
}

sealed class EvaluationAnswerConfiguration : IEntityTypeConfiguration<EvaluationAnswer>
{
    public void Configure(EntityTypeBuilder<EvaluationAnswer> answer)
    {
        // The key is set in code from Guid.NewGuid: the providers' own generators make time-ordered keys (Npgsql
        // writes UUIDv7), which would put the answers in voting order beside the voters' timestamps.
        answer.Property(a => a.Id).ValueGeneratedNever();
        answer.Property(a => a.Satisfaction).HasConversion<string>().HasMaxLength(30);
        answer.Property(a => a.Comment).HasMaxLength(Ballot.CommentMaxLength);
        answer.HasOne<Evaluation>().WithMany().HasForeignKey(a => a.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        answer.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        answer.HasIndex(a => new { a.EvaluationId, a.UnitId });
    }
}
