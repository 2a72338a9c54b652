using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Reminders;

public sealed record InboxModel(List<ReminderItem> Reminders, List<InstructionItem> Pending);

/// <summary>
/// The unit's inbox on the liaison's workspace: instructions awaiting an answer, and reminders, newest first. The same
/// for every liaison of the unit, and kept until a write (a reminder sent, an instruction given or answered).
/// </summary>
public sealed class Inbox(JiaowangDb db, SupervisionCache kept) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var caller = await HttpContext.GetCallerAsync();
        var model = caller?.UnitId is { } unitId ? await kept.GetAsync(("inbox", unitId), () => LoadAsync(unitId)) : new InboxModel([], []);
        return View("~/Features/Reminders/_Inbox.cshtml", model);
    }

    async Task<InboxModel> LoadAsync(int unitId)
    {
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.Id).Take(50).ToListAsync();
        var pending = await db.Instructions.AsNoTracking().Where(i => i.UnitId == unitId && i.Answer == null).OrderByDescending(i => i.Id).ToListAsync();
        return new InboxModel(reminders.Select(ReminderItem.From).ToList(), pending.Select(InstructionItem.From).ToList());
    }
}
