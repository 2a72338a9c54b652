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
[Shared.KeptPages.Keep]
public sealed class DashboardPageModel(DashboardCache cache, Shared.Reporting.SupervisionCache kept, Shared.KeptPages pages, TimeProvider clock,
    IOptions<ReportingOptions> options) : PageModel
{
    /// <summary>For the chart data embedded in the page: Chinese as characters. Built once, as options cache their metadata.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ChartJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public DashboardModel? Dashboard { get; private set; }
    /// <summary>The plans to switch between on <c>/dashboard</c> (the plan picker); the choice is remembered.</summary>
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];

    /// <summary>
    /// The plan-wide sections (headline, targets, league, matrix, chart data) are the same for every reader of this
    /// model: rendered once per model and culture, they are kept as long as the model is (<see cref="Jiaowang.Web.Shared.KeptVersion"/>).
    /// Writing the 130 KB page was most of a signed-in dashboard request once the model was cached (docs/PERFORMANCE.md).
    /// </summary>
    public string SectionKey => Dashboard is { } d ? $"dashboard:{Jiaowang.Web.Shared.KeptVersion.Of(d)}" : "";
    public bool KeepSections => cache.Lifetime > TimeSpan.Zero;
    public TimeSpan SectionLifetime => cache.Lifetime;

    /// <summary>
    /// The plan comes from the route (<c>/plans/{id}/dashboard</c>) or the picker's <c>?planId=</c>, read here rather
    /// than bound as the handler's parameters: MVC's binding and validation of three parameters made 13 % of what a
    /// kept dashboard request allocated (docs/PERFORMANCE.md, "Signed-in pages", twelfth round). Route before query,
    /// as MVC's value providers; a value that is not a number counts as absent, as it did bound.
    /// </summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        // A pooled context is rented only when the plan list or the model has to be read: a request the caches answer
        // (nearly all of them) spent 3 % of its time renting and returning one (docs/PERFORMANCE.md, thirteenth round).
        var db = HttpContext.RequestServices.GetRequiredService<JiaowangDb>;
        var id = IntValue("id");
        var planId = IntValue("planId");
        // Read on every dashboard request and changed only by a write: the plan list is kept until one.
        if (id is null) PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, kept, ct);
        planId = id ?? Portfolio.PlanChoice.Resolve(HttpContext, PlanOptions, planId);
        if (planId is null) return Page();
        Dashboard = await DashboardApi.LoadAsync(db, cache, planId.Value, clock, options.Value, ct);
        if (Dashboard is null) return NotFound();
        // The whole page per reader, as long as this model is kept: a write replaces the model, and drops the pages with it.
        return (KeepSections ? pages.Find(HttpContext, Dashboard) : null) ?? Page();
    }

    int? IntValue(string name)
    {
        var value = RouteData.Values.TryGetValue(name, out var routed) && routed is not null ? routed.ToString() : Request.Query[name].ToString();
        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
