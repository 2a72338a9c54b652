using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Leadership;

/// <summary>
/// "My tasks" at the top of a leader's landing pages (the overview and the dashboard): the tasks of the unit they lead
/// and of the units they speak for in the leading group, before the whole plan. Renders nothing for anyone else.
/// </summary>
public sealed class LeaderTasksViewComponent(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options, IStringLocalizer<ReportsText> text,
    Shared.Reporting.SupervisionCache kept) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (await HttpContext.GetCallerAsync() is not { IsLeader: true } caller) return Content("");
        // Per leader, day and language (the status reasons are words), until a write: on every leader's landing page.
        var today = clock.Today();
        var tasks = await kept.GetAsync(("leader-tasks", caller.UserId, today, System.Globalization.CultureInfo.CurrentUICulture.Name),
            () => LeadershipApi.LeaderTasksAsync(caller, db, today, options.Value, text, HttpContext.RequestAborted));
        return View("~/Features/Leadership/_LeaderTasks.cshtml", tasks);
    }
}
