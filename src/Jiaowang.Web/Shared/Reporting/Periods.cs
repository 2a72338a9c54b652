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
        catch (DbUpdateException)
        {
            // Another request generated them at the same moment: theirs stand.
            foreach (var p in generated) db.Entry(p).State = EntityState.Detached;
        }
        return await db.Periods.Where(p => p.PlanId == planId).OrderBy(p => p.Deadline).ThenBy(p => p.Kind).ToListAsync(ct);
    }

    /// <summary>The periods of every plan, for views across plans (a unit's inbox, the overdue list).</summary>
    public static async Task<List<ReportingPeriod>> AllAsync(JiaowangDb db, ReportingOptions options, CancellationToken ct = default)
    {
        var all = new List<ReportingPeriod>();
        foreach (var planId in await db.Plans.Select(p => p.Id).ToListAsync(ct))
        {
            all.AddRange(await ForPlanAsync(db, planId, options, ct));
        }
        return all;
    }

    public static string KindCode(PeriodKind kind) => kind switch
    {
        PeriodKind.Monthly => "monthly",
        PeriodKind.StageSummary => "stageSummary",
        _ => "finalSummary",
    };
}
