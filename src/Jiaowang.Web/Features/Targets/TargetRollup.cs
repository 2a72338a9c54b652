using Jiaowang.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Features.Targets;

/// <summary>
/// One target's readings rolled up (issue 16): how many, and the latest (by <c>AsOf</c>, then <c>Id</c>, as every
/// status reads it). Kept by database triggers on <c>Readings</c> (<see cref="TargetRollupSql"/>), in the same
/// transaction as the reading's insert, delete or change, whoever writes it — the API, /work, the Excel import, the
/// registry sync, the CLI, the demo generators, a plan's replacement, raw SQL or a bulk COPY — and on any number of app
/// instances (the row lock of the upsert orders concurrent writers; nothing is counted in memory). Never written by
/// the app: read only, so the dashboard and every status read 20 rows instead of a plan's readings.
/// </summary>
public class TargetRollup
{
    public int TargetId { get; set; }
    public int ReadingCount { get; set; }
    public int LatestReadingId { get; set; }
    public decimal LatestValue { get; set; }
    public DateOnly LatestAsOf { get; set; }
    public ReadingOrigin LatestOrigin { get; set; }
}

sealed class TargetRollupConfiguration : IEntityTypeConfiguration<TargetRollup>
{
    public void Configure(EntityTypeBuilder<TargetRollup> rollup)
    {
        rollup.ToTable("TargetRollups");
        rollup.HasKey(r => r.TargetId);
        rollup.Property(r => r.TargetId).ValueGeneratedNever();
        rollup.Property(r => r.LatestValue).HasPrecision(20, 4);
        rollup.HasOne<Target>().WithOne().HasForeignKey<TargetRollup>(r => r.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}
