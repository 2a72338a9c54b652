using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>
/// A unit's open follow-up items, on the unit's page, for people who may read them (office, leaders, the unit's own
/// liaison); the public page stays as the published plan.
/// </summary>
public sealed class UnitFollowUps(MeetingActions actions, Shared.Reporting.SupervisionCache kept) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int unitId)
    {
        if (User.Identity?.IsAuthenticated != true) return Content("");
        if (await HttpContext.GetCallerAsync() is not { } caller || !caller.CanSee(unitId)) return Content("");
        // Whoever may see the unit reads the same list (the office and leaders all of it, the unit's liaison their own),
        // so it is kept per unit and day until a write: the query behind it (the unit's follow-ups with their
        // meetings) was a third of a signed-in unit page (docs/PERFORMANCE.md).
        var items = await kept.GetAsync(("unit-follow-ups", unitId, actions.Today), async () =>
            (await actions.FollowUpsAsync(caller, null, unitId, null, latestFirst: false, HttpContext.RequestAborted)).Where(i => i.State == "open").ToList());
        return View("~/Features/Meetings/_UnitFollowUps.cshtml", items);
    }
}
