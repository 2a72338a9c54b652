using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Leadership;

/// <summary>The office chooses what anonymous visitors see of a plan, with the targets table as they would see it.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class PublicationPageModel(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<LeadershipText> text,
    IStringLocalizer<SharedResource> shared) : PageModel
{
    public PlanDetail Plan { get; private set; } = null!;
    public PlanPublication Publication { get; private set; } = null!;
    /// <summary>The plan exactly as <c>/</c> and <c>/api/plans/{id}</c> give it to an anonymous visitor.</summary>
    public PlanDetail Preview { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool values, bool statuses, bool upcomingEvents, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        var outcome = await LeadershipApi.PublishAsync(caller, id, new PublicationInput(values, statuses, upcomingEvents), db, audit, clock, text, ct);
        if (outcome.Succeeded) return RedirectToPage(new { id, saved = true });
        if (outcome.Refusal!.Kind == RefusalKind.NotFound) return NotFound();
        Problem = outcome.Refusal.Message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await PlanDetail.LoadAsync(db, id, clock.Today(), shared, ct) is not { } plan) return false;
        Plan = plan;
        Publication = await PublicView.ForPlanAsync(db, id, ct);
        Preview = PublicView.Apply(plan, Publication);
        return true;
    }
}
