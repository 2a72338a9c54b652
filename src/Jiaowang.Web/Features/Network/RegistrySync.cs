using Jiaowang.Core.Network;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>
/// Keeps registry-bound targets up to date: counts what each binding counts and, when the count differs from the
/// target's latest reading (or that reading was manual), writes a new reading with origin Registry. Readings are never
/// changed or deleted, so the history shows each count and what was counted. Called after every registry change.
/// </summary>
public sealed class RegistrySync(JiaowangDb db, TimeProvider clock)
{
    public const string RecordedBy = "registry";

    /// <summary>Writes the readings that changed; returns how many were written.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct = default)
    {
        var bound = await db.Targets.AsNoTracking().Where(t => t.Binding != null)
            .Select(t => new { t.Id, Binding = t.Binding!.Value, t.Group!.PlanId }).ToListAsync(ct);
        var written = 0;
        foreach (var target in bound)
        {
            var (count, source) = await CountAsync(target.Binding, target.PlanId, ct);
            var latest = await db.Readings.AsNoTracking().Where(r => r.TargetId == target.Id)
                .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id)
                .Select(r => new { r.Value, r.Origin }).FirstOrDefaultAsync(ct);
            if (latest is not null && latest.Value == count && latest.Origin == ReadingOrigin.Registry) continue;

            db.Readings.Add(new Reading
            {
                TargetId = target.Id,
                Value = count,
                AsOf = clock.Today(),
                Source = source,
                Origin = ReadingOrigin.Registry,
                RecordedBy = RecordedBy,
                RecordedAt = clock.GetUtcNow(),
            });
            written++;
        }
        if (written > 0) await db.SaveChangesAsync(ct);
        return written;
    }

    /// <summary>The count a binding gives now, and a sentence (stored with the reading, in Chinese) saying what was counted.</summary>
    public async Task<(int Count, string Source)> CountAsync(RegistryBinding binding, int planId, CancellationToken ct = default)
    {
        if (RegistryBindings.Kinds(binding) is { } kinds)
        {
            var byKind = await db.Partners.AsNoTracking().Where(p => p.Status == PartnerStatus.Active && kinds.Contains(p.Kind))
                .GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
            int Of(PartnerKind k) => byKind.Where(x => x.Kind == k).Sum(x => x.Count);
            var total = byKind.Sum(x => x.Count);
            return (total, $"友城名录自动统计（{binding}）：有效友城 {total} 个（国际友好城市 {Of(PartnerKind.SisterCity)} 个、友好交流城市 {Of(PartnerKind.FriendlyExchange)} 个；已终止的不计）");
        }

        if (RegistryBindings.IsServices(binding)) return await ServicesCountAsync(binding, ct);

        var categories = RegistryBindings.Categories(binding)!;
        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        if (phases.Count == 0) return (0, $"国际活动登记自动统计（{binding}）：方案没有阶段，无法确定统计期间");
        var from = phases.Min(p => p.StartMonth);
        var last = phases.Max(p => p.EndMonth);
        var to = last.AddMonths(1).AddDays(-1);
        var count = await db.Events.AsNoTracking()
            .CountAsync(e => categories.Contains(e.Category) && e.StartsOn >= from && e.StartsOn <= to, ct);
        return (count, $"国际活动登记自动统计（{binding}）：{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 期间开始的{string.Join("、", categories)}类活动 {count} 项");
    }

    /// <summary>家在武汉: published places of a category, or signage reports answered as fixed (what task 12 counts).</summary>
    async Task<(int Count, string Source)> ServicesCountAsync(RegistryBinding binding, CancellationToken ct)
    {
        if (binding == RegistryBinding.SignageReportsResolved)
        {
            var resolved = await Jiaowang.Web.Features.Services.SignageDesk.ResolvedAsync(db, ct);
            return (resolved, $"家在武汉双语标识反馈自动统计（{binding}）：责任单位答复已更正的 {resolved} 件");
        }
        var (category, name) = binding switch
        {
            RegistryBinding.ServiceSchools => (Jiaowang.Core.Services.PlaceCategory.School, "外籍人员子女学校"),
            RegistryBinding.ServiceCommunities => (Jiaowang.Core.Services.PlaceCategory.Community, "国际化社区"),
            _ => (Jiaowang.Core.Services.PlaceCategory.Hospital, "开设国际医疗部的医院"),
        };
        var count = await db.Places.AsNoTracking().CountAsync(p => p.Published && p.Category == category, ct);
        return (count, $"家在武汉服务名录自动统计（{binding}）：已发布的{name} {count} 家");
    }
}
