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
        // At most one primary liaison per unit, whatever writes the rows. The filter is a bare boolean column, which
        // SQLite and PostgreSQL both read as a condition.
        // The plain index stays for "the unit's liaisons"; a filtered one cannot serve those lookups.
        user.HasIndex(u => u.UnitId);
        user.HasIndex(u => u.UnitId, "IX_AspNetUsers_PrimaryLiaison").IsUnique().HasFilter("\"IsPrimaryLiaison\"");
    }
}
