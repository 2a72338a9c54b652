using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>
/// The leaders' dashboard (领导驾驶舱): for leaders, the office and admins. <c>/dashboard</c> shows the current plan,
/// <c>/plans/{id}/dashboard</c> any other.
/// </summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class DashboardPageModel(JiaowangDb db, DashboardCache cache, TimeProvider clock, IOptions<ReportingOptions> options) : PageModel
{
    /// <summary>For the chart data embedded in the page: Chinese as characters. Built once, as options cache their metadata.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ChartJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public DashboardModel? Dashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var planId = id ?? await DashboardQuery.CurrentPlanIdAsync(db, ct);
        if (planId is null) return Page();
        Dashboard = await DashboardApi.LoadAsync(db, cache, planId.Value, clock, options.Value, ct);
        return Dashboard is null ? NotFound() : Page();
    }
}
