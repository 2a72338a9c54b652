using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Reminders;

/// <summary>The office's reminders page (催办): the late units with what they owe, one button each and one for all.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RemindersPageModel(JiaowangDb db, ReminderService reminders, TimeProvider clock, IOptions<ReportingOptions> reporting) : PageModel
{
    public List<IGrouping<(int UnitId, string UnitName), OverdueItem>> LateUnits { get; private set; } = [];
    public int? Sent { get; private set; }

    public async Task OnGetAsync(int? sent, CancellationToken ct)
    {
        Sent = sent;
        var overdue = (await SupervisionState.LoadEveryPlanAsync(db, clock.Today(), reporting.Value, ct)).OrderBy(s => s.Key).SelectMany(s => s.Value.Overdue);
        LateUnits = overdue.GroupBy(o => (o.UnitId, o.UnitName)).OrderBy(g => g.Key.UnitName).ToList();
    }

    public async Task<IActionResult> OnPostUnitAsync(int unitId, CancellationToken ct)
    {
        await OnGetAsync(null, ct);
        var late = LateUnits.FirstOrDefault(g => g.Key.UnitId == unitId);
        if (late is null) return NotFound();
        await reminders.SendAsync(unitId, null, reminders.Compose(late.Key.UnitName, late), (await HttpContext.GetCallerAsync())!.UserName, ct: ct);
        return RedirectToPage(new { sent = 1 });
    }

    public async Task<IActionResult> OnPostAllAsync(CancellationToken ct) =>
        RedirectToPage(new { sent = (await reminders.RemindLateUnitsAsync((await HttpContext.GetCallerAsync())!.UserName, ct)).Count });
}
