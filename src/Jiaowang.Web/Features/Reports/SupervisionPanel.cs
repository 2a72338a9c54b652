using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Reports;

public sealed record TaskStatusRow(int Id, int Number, string Title, TaskAssessment Assessment);

public sealed record SupervisionPanelModel(IReadOnlyList<TaskStatusRow> Tasks, IReadOnlyList<OverdueItem> Overdue, bool ForUnit);

/// <summary>
/// Task statuses and the overdue list (逾期未报), shown on the overview and on a unit's page to signed-in people only:
/// the anonymous pages keep showing the published plan.
/// </summary>
public sealed class SupervisionPanel(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? planId, int? unitId)
    {
        if (User.Identity?.IsAuthenticated != true) return Content("");
        var planIds = planId is { } p ? [p] : await db.Assignments.Where(a => a.UnitId == unitId).Select(a => a.Task!.Group!.PlanId).Distinct().ToListAsync();
        var tasks = new List<TaskStatusRow>();
        var overdue = new List<OverdueItem>();
        foreach (var id in planIds)
        {
            var supervision = await Supervision.LoadAsync(db, id, clock.Today(), options.Value);
            var rows = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == id)
                .Where(t => unitId == null || t.Assignments.Any(a => a.UnitId == unitId))
                .OrderBy(t => t.Number).Select(t => new { t.Id, t.Number, t.Title }).ToListAsync();
            tasks.AddRange(rows.Select(t => new TaskStatusRow(t.Id, t.Number, t.Title, supervision.Tasks[t.Id])));
            overdue.AddRange(supervision.Overdue.Where(o => unitId == null || o.UnitId == unitId));
        }
        return View("~/Features/Reports/_SupervisionPanel.cshtml", new SupervisionPanelModel(tasks, overdue, unitId is not null));
    }
}
