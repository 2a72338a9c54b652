using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>The plan at a glance: phases on a timeline, targets by group, tasks by group with their units.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
public sealed class OverviewModel(JiaowangDb db, Shared.Reporting.SupervisionCache kept, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public PlanDetail? Plan { get; private set; }
    public PhaseTimeline? Timeline { get; private set; }
    public IReadOnlyList<PlanSummary> OtherPlans { get; private set; } = [];
    /// <summary>What is published, when the page shows the public view; null for signed-in users, who see everything.</summary>
    public Jiaowang.Core.Plans.PlanPublication? Publication { get; private set; }
    public bool ShowsValues => Publication?.ShowsValues ?? true;
    public bool ShowsStatuses => Publication?.ShowsStatuses ?? true;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        // Signed-in readers are never served from the output cache: what every reader sees is kept until a write instead.
        var plans = await kept.GetAsync("plan-summaries", () => db.Plans.AsNoTracking().OrderByDescending(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.ImportedAt))
            .ToListAsync(ct));
        if (plans.Count == 0)
        {
            return id is null ? Page() : NotFound();
        }

        var chosen = id ?? plans[0].Id;
        var today = clock.Today();
        Plan = await PlanDetail.KeptAsync(db, kept, chosen, today, text, ct);
        if (Plan is null) return NotFound();
        if (Leadership.PublicView.AppliesTo(HttpContext))
        {
            // Anonymous visitors (and the office previewing with ?view=public) see what the office published.
            Publication = await Leadership.PublicView.ForPlanAsync(db, chosen, ct);
            Plan = Leadership.PublicView.Apply(Plan, Publication);
        }

        OtherPlans = plans.Where(p => p.Id != chosen).ToList();
        Timeline = PhaseTimeline.Build(Plan.Phases.Select(p => (p.Name, YearMonth.Parse(p.Start), YearMonth.Parse(p.End))), today);
        return Page();
    }
}
