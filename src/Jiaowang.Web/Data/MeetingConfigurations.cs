using Jiaowang.Core.Meetings;
using Jiaowang.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.Property(m => m.Title).HasMaxLength(200);
        meeting.Property(m => m.Place).HasMaxLength(200);
        meeting.Property(m => m.Notes).HasMaxLength(8000);
        meeting.Property(m => m.RecordedBy).HasMaxLength(256);
        // A list of names, stored as JSON on SQLite and as text[] on PostgreSQL (EF primitive collections).
        meeting.PrimitiveCollection(m => m.Attendees);
        // Minutes are a record: a plan that has them cannot be deleted (the plan import refuses to replace it).
        meeting.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.FollowUps).WithOne(f => f.Meeting).HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasIndex(m => new { m.PlanId, m.HeldOn });
    }
}

sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> item)
    {
        item.Property(f => f.Text).HasMaxLength(2000);
        item.Property(f => f.DoneNote).HasMaxLength(4000);
        item.Property(f => f.DoneBy).HasMaxLength(256);
        item.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        item.HasIndex(f => new { f.UnitId, f.State, f.Deadline });
        item.HasIndex(f => new { f.MeetingId, f.Position });
    }
}
