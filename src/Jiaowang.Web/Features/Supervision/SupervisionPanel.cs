using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Supervision;

public sealed record TaskStatusRow(int Id, int Number, string Title, TaskAssessment Assessment);

/// <param name="Overdue">The overdue items the caller may read in detail.</param>
/// <param name="OthersOverdue">How many more there are in units whose details the caller may not read (a liaison sees only the count).</param>
public sealed record SupervisionPanelModel(IReadOnlyList<TaskStatusRow> Tasks, IReadOnlyList<OverdueItem> Overdue, bool ForUnit, int OthersOverdue = 0);

/// <summary>
/// Task statuses and the overdue list (逾期未报), shown on the overview and on a unit's page to signed-in people only:
/// the anonymous pages keep showing the published plan. A liaison reads only their own unit's overdue items (period,
/// task, draft or returned state); other units' appear as a count, as the task statuses already aggregate them.
/// </summary>
public sealed class SupervisionPanel(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options, SupervisionCache cache) : ViewComponent
{
    /// <summary>The panel as every reader sees it, before the caller's filter: kept in <see cref="SupervisionCache"/>.</summary>
    sealed record Common(List<TaskStatusRow> Tasks, List<OverdueItem> Overdue);

    public async Task<IViewComponentResult> InvokeAsync(int? planId, int? unitId)
    {
        if (User.Identity?.IsAuthenticated != true) return Content("");
        if (await HttpContext.GetCallerAsync() is not { } caller) return Content("");
        var today = clock.Today();
        var shared = await cache.GetAsync(("panel", planId, unitId, today), () => LoadAsync(planId, unitId, today));
        var readable = shared.Overdue.Where(o => caller.CanSee(o.UnitId)).ToList();
        return View("~/Features/Supervision/_SupervisionPanel.cshtml",
            new SupervisionPanelModel(shared.Tasks, readable, unitId is not null, shared.Overdue.Count - readable.Count));
    }

    async Task<Common> LoadAsync(int? planId, int? unitId, DateOnly today)
    {
        var owedByUnit = unitId is { } u ? await Owing.ForUnitAsync(db, u, HttpContext.RequestAborted) : null;
        var planIds = planId is { } p ? [p] : owedByUnit!.Select(o => o.PlanId).Distinct().ToList();
        var tasks = new List<TaskStatusRow>();
        var overdue = new List<OverdueItem>();
        foreach (var id in planIds)
        {
            var supervision = await SupervisionState.LoadAsync(db, id, today, options.Value);
            var rows = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == id)
                .OrderBy(t => t.Number).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync();
            // A unit's page lists the tasks it owes, also those assigned to its group; a group's page those it is named in.
            if (unitId is { } unit) rows = rows.Where(t => owedByUnit!.Any(o => o.PlanTaskId == t.Id) || supervision.Owed.Any(o => o.PlanTaskId == t.Id && o.GroupId == unit)).ToList();
            tasks.AddRange(rows.Select(t => new TaskStatusRow(t.Id, t.Number, t.Title, supervision.Tasks[t.Id])));
            overdue.AddRange(supervision.Overdue.Where(o => unitId == null || o.UnitId == unitId
                || supervision.Owed.Any(w => w.UnitId == o.UnitId && w.GroupId == unitId)));
        }
        return new Common(tasks, overdue);
    }
}
