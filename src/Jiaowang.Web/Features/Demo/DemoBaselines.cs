using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Demo;

/// <summary>A baseline the demo run set on a target: what, from which year, and the document that gives it.</summary>
public sealed record DemoBaseline(string Metric, decimal Baseline, int BaseYear, string Source);

/// <summary>
/// 基数 of the Wuhan plan's targets that the city's own published documents give (docs/STATUS-RULES.md, "The Wuhan plan's
/// 19 targets"). The demo generator sets them where the office has set none, so that a level target is judged from where
/// the city stood and its demo readings start there. Only documented figures are listed: none is invented, and a target
/// the documents give no figure for keeps no baseline.
/// </summary>
public static class DemoBaselines
{
    /// <param name="Terms">Words of the target's sentence that identify it.</param>
    public sealed record Documented(string[] Terms, decimal Baseline, int BaseYear, string Source);

    public static readonly IReadOnlyList<Documented> Wuhan =
    [
        // Partner cities at the end of 2025: 30 sister cities and 97 friendly-exchange cities.
        new(["国际友城和友好交流城市数量"], 127m, 2025,
            "长江日报《国际“朋友圈”遍及全球127城》（2025年12月）：与全世界五大洲65个国家的127个城市缔结友好关系"),
    ];

    /// <summary>The kinds judged from a baseline (docs/STATUS-RULES.md): the only ones a documented count is set on.</summary>
    static bool FromBaseline(TargetKind kind) => kind is TargetKind.Level or TargetKind.Cumulative or TargetKind.Share;

    /// <summary>
    /// Sets the documented baselines on the plan's targets that have none (an office's own baseline stands) and saves them;
    /// returns the documented baselines in effect, set by this run or an earlier one. Needs no seed: every run sets the same.
    /// </summary>
    public static async Task<IReadOnlyList<DemoBaseline>> ApplyAsync(JiaowangDb db, int planId, CancellationToken ct = default)
    {
        var used = new List<DemoBaseline>();
        var changed = false;
        var targets = await db.Targets.Where(t => t.Group!.PlanId == planId).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var target in targets.Where(t => FromBaseline(t.EffectiveKind)))
        {
            if (Wuhan.FirstOrDefault(d => d.Terms.Any(target.Text.Contains) && d.Baseline < target.Value) is not { } documented) continue;
            if (target.Baseline is null)
            {
                target.Baseline = documented.Baseline;
                target.BaseYear ??= documented.BaseYear;
                changed = true;
            }
            if (target.Baseline == documented.Baseline) used.Add(new DemoBaseline(target.Metric, documented.Baseline, documented.BaseYear, documented.Source));
        }
        if (changed) await db.SaveChangesAsync(ct);
        return used;
    }
}
