using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class JiaowangUserConfiguration : IEntityTypeConfiguration<JiaowangUser>
{
    public void Configure(EntityTypeBuilder<JiaowangUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        // A unit outlives the people who report for it: a unit with liaisons cannot be deleted by accident.
        user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
