using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>
/// The leaders' dashboard (领导驾驶舱): for leaders, the office and admins. <c>/dashboard</c> shows the current plan,
/// <c>/plans/{id}/dashboard</c> any other.
/// </summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class DashboardPageModel(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options) : PageModel
{
    public DashboardModel? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var planId = id ?? await DashboardQuery.CurrentPlanIdAsync(db, ct);
        if (planId is null) return Page();
        Dashboard = await DashboardQuery.LoadAsync(db, planId.Value, clock, options.Value, ct);
        return Dashboard is null ? NotFound() : Page();
    }
}
