using Jiaowang.Core.Demo;
using Jiaowang.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Data;

sealed class DemoRunConfiguration : IEntityTypeConfiguration<DemoRun>
{
    public void Configure(EntityTypeBuilder<DemoRun> run)
    {
        run.Property(r => r.GeneratedBy).HasMaxLength(256);
        // One row per plan: a second run replaces the first one's data and its row.
        run.HasIndex(r => r.PlanId).IsUnique();
        run.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
