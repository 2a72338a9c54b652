using Jiaowang.Core.Documents;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>A plan's reporting periods, generated from its phases the first time anyone asks.</summary>
public static class Periods
{
    public static async Task<List<ReportingPeriod>> ForPlanAsync(JiaowangDb db, int planId, ReportingOptions options, CancellationToken ct = default)
    {
        var periods = await db.Periods.Where(p => p.PlanId == planId).OrderBy(p => p.Deadline).ThenBy(p => p.Kind).ToListAsync(ct);
        if (periods.Count > 0) return periods;

        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        if (phases.Count == 0) return periods;
        var generated = PeriodPlanner.Generate(planId,
            phases.Select(p => new PhaseSpan(p.Position, p.Name, YearMonth.From(p.StartMonth), YearMonth.From(p.EndMonth))),
            new PeriodRules(options.DeadlineDay));
        db.Periods.AddRange(generated);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ConflictExceptionHandler.IsLostRace(e))
        {
            // Another request generated them at the same moment: theirs stand.
            foreach (var p in generated) db.Entry(p).State = EntityState.Detached;
        }
        return await db.Periods.Where(p => p.PlanId == planId).OrderBy(p => p.Deadline).ThenBy(p => p.Kind).ToListAsync(ct);
    }

    /// <summary>
    /// The periods of several plans, keyed by plan, in one query (read-only: not tracked); a plan without any has them
    /// generated, as <see cref="ForPlanAsync"/> does.
    /// </summary>
    public static async Task<Dictionary<int, List<ReportingPeriod>>> ForPlansAsync(JiaowangDb db, IReadOnlyCollection<int> planIds, ReportingOptions options,
        CancellationToken ct = default)
    {
        var byPlan = (await db.Periods.AsNoTracking().Where(p => planIds.Contains(p.PlanId)).OrderBy(p => p.Deadline).ThenBy(p => p.Kind).ToListAsync(ct))
            .GroupBy(p => p.PlanId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var planId in planIds.Where(id => !byPlan.ContainsKey(id)).Distinct().ToList())
        {
            byPlan[planId] = await ForPlanAsync(db, planId, options, ct);
        }
        return byPlan;
    }

    public static string KindCode(PeriodKind kind) => kind switch
    {
        PeriodKind.Monthly => "monthly",
        PeriodKind.StageSummary => "stageSummary",
        _ => "finalSummary",
    };
}
