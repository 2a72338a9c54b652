using Jiaowang.Core.Plans;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class LeadingGroupMemberConfiguration : IEntityTypeConfiguration<LeadingGroupMember>
{
    public void Configure(EntityTypeBuilder<LeadingGroupMember> member)
    {
        member.ToTable("LeadingGroupMembers");
        member.Property(m => m.Name).HasMaxLength(LeadingGroupMember.MaxName);
        member.Property(m => m.Title).HasMaxLength(LeadingGroupMember.MaxTitle);
        member.Property(m => m.Post).HasConversion<string>().HasMaxLength(30);
        member.HasOne<Plan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        // A unit or an account leaving does not remove the person from the group's record.
        member.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.SetNull);
        member.HasOne<JiaowangUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        member.HasIndex(m => new { m.PlanId, m.Position });
    }
}

sealed class PlanPublicationConfiguration : IEntityTypeConfiguration<PlanPublication>
{
    public void Configure(EntityTypeBuilder<PlanPublication> publication)
    {
        publication.ToTable("PlanPublications");
        publication.HasKey(p => p.PlanId);
        publication.Property(p => p.UpdatedBy).HasMaxLength(256);
        publication.HasOne<Plan>().WithOne().HasForeignKey<PlanPublication>(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        publication.Ignore(p => p.HidesSomething);
    }
}
