using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Reminders;

public sealed record InboxModel(List<ReminderItem> Reminders, List<InstructionItem> Pending);

/// <summary>The unit's inbox on the liaison's workspace: instructions awaiting an answer, and reminders, newest first.</summary>
public sealed class Inbox(JiaowangDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var caller = await HttpContext.GetCallerAsync();
        var items = caller?.UnitId is { } unitId
            ? (await db.Reminders.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.Id).Take(50).ToListAsync()).Select(ReminderItem.From).ToList()
            : [];
        var pending = caller?.UnitId is { } unit
            ? (await db.Instructions.AsNoTracking().Where(i => i.UnitId == unit && i.Answer == null).OrderByDescending(i => i.Id).ToListAsync()).Select(InstructionItem.From).ToList()
            : [];
        return View("~/Features/Reminders/_Inbox.cshtml", new InboxModel(items, pending));
    }
}
