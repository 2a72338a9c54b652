using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.CoSigning;

/// <summary>
/// /work/summaries: the office's queue of summaries out for co-signing (and decided ones); for a liaison, the summaries
/// its unit leads or is asked to sign, and the tasks it leads, to start one.
/// </summary>
[ScopedTo(Scope.Summary)]
public sealed class SummariesModel(SummaryActions actions, JiaowangDb db) : PageModel
{
    public List<SummaryItem> Summaries { get; private set; } = [];
    public List<(int Id, string Title)> LedTasks { get; private set; } = [];
    public int? UnitId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        UnitId = caller.UnitId;
        Summaries = await actions.ListAsync(caller, null, null, ct);
        if (caller.UnitId is { } unit)
            LedTasks = (await Owing.ForUnitAsync(db, unit, ct)).Where(o => o.Role == Core.Plans.AssignmentRole.Lead)
                .DistinctBy(o => o.PlanTaskId).Select(o => (o.PlanTaskId, $"{o.Number}. {o.Title}")).ToList();
    }
}
