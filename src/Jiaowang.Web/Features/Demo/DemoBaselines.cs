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
    /// Sets the documented baselines on the plan's targets that have none (an office's own baseline stands) and saves them
    /// (each change in the audit log like any row change); returns the ones this run set. Needs no seed: every run sets the same.
    /// </summary>
    public static async Task<IReadOnlyList<DemoBaseline>> ApplyAsync(JiaowangDb db, int planId, CancellationToken ct = default)
    {
        var set = new List<DemoBaseline>();
        foreach (var (target, documented) in await MatchAsync(db, planId, tracked: true, ct))
        {
            if (target.Baseline is not null) continue;
            target.Baseline = documented.Baseline;
            target.BaseYear ??= documented.BaseYear;
            set.Add(new DemoBaseline(target.Metric, documented.Baseline, documented.BaseYear, documented.Source));
        }
        if (set.Count > 0) await db.SaveChangesAsync(ct);
        return set;
    }

    /// <summary>The documented baselines in effect on the plan (set by a demo run or by the office to the same figure), with their sources.</summary>
    public static async Task<IReadOnlyList<DemoBaseline>> InEffectAsync(JiaowangDb db, int planId, CancellationToken ct = default) =>
        (await MatchAsync(db, planId, tracked: false, ct)).Where(m => m.Target.Baseline == m.Documented.Baseline)
            .Select(m => new DemoBaseline(m.Target.Metric, m.Documented.Baseline, m.Documented.BaseYear, m.Documented.Source)).ToList();

    static async Task<List<(Jiaowang.Core.Plans.Target Target, Documented Documented)>> MatchAsync(JiaowangDb db, int planId, bool tracked, CancellationToken ct)
    {
        var query = db.Targets.Where(t => t.Group!.PlanId == planId).OrderBy(t => t.Id);
        var targets = tracked ? await query.ToListAsync(ct) : await query.AsNoTracking().ToListAsync(ct);
        return targets.Where(t => FromBaseline(t.EffectiveKind))
            .Select(t => (Target: t, Documented: Wuhan.FirstOrDefault(d => d.Terms.Any(t.Text.Contains) && d.Baseline < t.Value)))
            .Where(m => m.Documented is not null).Select(m => (m.Target, m.Documented!)).ToList();
    }
}
