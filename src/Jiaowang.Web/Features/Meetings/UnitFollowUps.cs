using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>
/// A unit's open follow-up items, on the unit's page, for people who may read them (office, leaders, the unit's own
/// liaison); the public page stays as the published plan.
/// </summary>
public sealed class UnitFollowUps(MeetingActions actions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int unitId)
    {
        if (User.Identity?.IsAuthenticated != true) return Content("");
        if (await HttpContext.GetCallerAsync() is not { } caller || !caller.CanSee(unitId)) return Content("");
        var items = (await actions.FollowUpsAsync(caller, null, unitId, null, latestFirst: false, HttpContext.RequestAborted))
            .Where(i => i.State == "open").ToList();
        return View("~/Features/Meetings/_UnitFollowUps.cshtml", items);
    }
}
