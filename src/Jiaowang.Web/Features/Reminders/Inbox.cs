using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Reminders;

/// <summary>The unit's inbox on the liaison's workspace: the reminders sent to the unit, newest first.</summary>
public sealed class Inbox(JiaowangDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var caller = await Caller.FromAsync(UserClaimsPrincipal, db);
        var items = caller?.UnitId is { } unitId
            ? (await db.Reminders.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.Id).Take(50).ToListAsync()).Select(ReminderItem.From).ToList()
            : [];
        return View("~/Features/Reminders/_Inbox.cshtml", items);
    }
}
