using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>The plan at a glance: phases on a timeline, targets by group, tasks by group with their units.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.Policy)]
[KeptPages.Keep]
public sealed class OverviewModel(JiaowangDb db, Shared.Reporting.SupervisionCache kept, TimeProvider clock, IStringLocalizer<SharedResource> text,
    Notifications.FollowRules followRules, Operations.StartupWarmUp warmUp, KeptPages pages) : PageModel
{
    public PlanDetail? Plan { get; private set; }
    public PhaseTimeline? Timeline { get; private set; }
    public IReadOnlyList<PlanSummary> OtherPlans { get; private set; } = [];
    /// <summary>What is published, when the page shows the public view; null for signed-in users, who see everything.</summary>
    public Jiaowang.Core.Plans.PlanPublication? Publication { get; private set; }
    public bool ShowsValues => Publication?.ShowsValues ?? true;
    public bool ShowsStatuses => Publication?.ShowsStatuses ?? true;
    /// <summary>What the signed-in reader follows, for the targets' Follow buttons; null for a reader who cannot follow.</summary>
    public IReadOnlySet<(string Kind, int Id)>? Follows { get; private set; }

    /// <summary>
    /// The plan's sections are rendered once per kept detail, language and (for the targets) the targets this reader
    /// follows, for signed-in readers, whom the output cache never serves: Razor writing them, and looking up their
    /// words, was most of such a request (docs/PERFORMANCE.md, "Signed-in pages", fifth round). The public view is
    /// built per request from what is published, and output-cached whole instead.
    /// </summary>
    public bool KeepSections => Publication is null && kept.Lifetime > TimeSpan.Zero;
    public TimeSpan SectionLifetime => kept.Lifetime;
    public string SectionKey => Plan is { } plan ? $"overview:{KeptVersion.Of(plan)}" : "";
    public string TargetsKey => Follows is { } follows
        ? $"{SectionKey}:targets:{string.Join(',', Plan!.Targets.Where(t => follows.Contains((Notifications.FollowKinds.Target, t.Id))).Select(t => t.Id))}"
        : $"{SectionKey}:targets:-";

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        // The first visitor of a start finds the warm-up's data, or waits for it, rather than loading it a second time.
        await warmUp.Done.WaitAsync(ct);
        // Signed-in readers are never served from the output cache: what every reader sees is kept until a write instead.
        var plans = await SummariesAsync(db, kept, ct);
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
        else if (await HttpContext.GetCallerAsync() is { } caller)
        {
            Follows = await Notifications.FollowButton.FollowedAsync(HttpContext, caller, followRules, kept);
        }

        // The whole page, for a signed-in reader, as long as this plan detail is kept (the dashboard's way): every write
        // replaces the detail, whose key holds the day and the language. Writing its 44 KB was most of the request once
        // the sections were kept (docs/PERFORMANCE.md, "Signed-in pages", thirteenth round).
        if (KeepSections && pages.Find(HttpContext, Plan) is { } keptPage) return keptPage;
        OtherPlans = plans.Where(p => p.Id != chosen).ToList();
        Timeline = PhaseTimeline.Build(Plan.Phases.Select(p => (p.Name, YearMonth.Parse(p.Start), YearMonth.Parse(p.End))), today);
        return Page();
    }

    static Task<List<PlanSummary>> SummariesAsync(JiaowangDb db, Shared.Reporting.SupervisionCache kept, CancellationToken ct) =>
        kept.GetAsync("plan-summaries", () => db.Plans.AsNoTracking().OrderByDescending(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.ImportedAt))
            .ToListAsync(ct));

    /// <summary>
    /// What the first visitor of <c>/</c> would otherwise wait for, done while the app starts (docs/PERFORMANCE.md,
    /// "Start-up"): the plan list and the newest plan's detail in Chinese, kept as a visitor's request keeps them (until
    /// the next write), and the public view's query compiled.
    /// </summary>
    internal static async Task WarmAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var kept = scope.ServiceProvider.GetRequiredService<Shared.Reporting.SupervisionCache>();
        // The culture flows with this call only: the request's default, which the kept detail is keyed and written in.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = TextSetup.Chinese;
        var plans = await SummariesAsync(db, kept, ct);
        if (plans.Count == 0) return;
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        await PlanDetail.KeptAsync(db, kept, plans[0].Id, today, scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(), ct);
        await Leadership.PublicView.ForPlanAsync(db, plans[0].Id, ct);
    }
}
