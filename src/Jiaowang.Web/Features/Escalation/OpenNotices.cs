using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Features.Notices;
using Microsoft.AspNetCore.Mvc;

namespace Jiaowang.Web.Features.Escalation;

public sealed record OpenNoticesModel(NoticePage Notices, List<LadderMark> Leaders);

/// <summary>On the dashboard: open notices by colour with the list, and the items the ladder put before the leaders.</summary>
public sealed class OpenNotices(JiaowangDb db, NoticeColours colours, TimeProvider clock, Shared.Reporting.SupervisionCache kept) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var caller = await HttpContext.GetCallerAsync();
        if (caller is null) return Content("");
        // Per person (what they may see) and day (the colours), until a write: a third of the dashboard's time otherwise.
        var notices = await kept.GetAsync(("open-notices", caller.UserId, clock.Today()),
            () => NoticeQueries.ListAsync(db, colours, caller, "unclosed", null, "colour", 1, 10, HttpContext.RequestAborted));
        // The same for every leader and changed only by a write (the ladder's marks, reports, notices): kept until one,
        // and cut at this moment per request.
        var now = clock.GetUtcNow();
        var marked = await kept.GetAsync("ladder:leaders", () => LadderQueries.ForLeadersAsync(db, DateTimeOffset.MaxValue, HttpContext.RequestAborted));
        var leaders = marked.Where(m => m.At <= now).ToList();
        return View("~/Features/Escalation/_OpenNotices.cshtml", new OpenNoticesModel(notices, leaders));
    }
}
