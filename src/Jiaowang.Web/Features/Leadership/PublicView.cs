using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Leadership;

/// <summary>
/// What anonymous visitors see of a plan: the office's choice (<see cref="PlanPublication"/>) applied to what the public
/// pages and APIs show. Signed-in users see everything; the office previews the public view with <c>?view=public</c>.
/// The public pages are output-cached; a change of the choice is a write in the plan namespace, which evicts them
/// (Shared/PublicCacheEviction).
/// </summary>
public static class PublicView
{
    /// <summary>True when the request gets the public view: anonymous, or a signed-in user asking to preview it.</summary>
    public static bool AppliesTo(HttpContext http) =>
        http.User.Identity?.IsAuthenticated != true || string.Equals(http.Request.Query["view"], "public", StringComparison.Ordinal);

    public static async Task<PlanPublication> ForPlanAsync(JiaowangDb db, int planId, CancellationToken ct = default) =>
        await db.PlanPublications.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId, ct) ?? PlanPublication.Everything(planId);

    /// <summary>The plan with unpublished figures left out: no current values, no statuses (their reasons quote the values too).</summary>
    public static PlanDetail Apply(PlanDetail plan, PlanPublication publication) => plan with
    {
        Targets = plan.Targets.Select(t => t with
        {
            Current = publication.ShowsValues ? t.Current : null,
            CurrentAsOf = publication.ShowsValues ? t.CurrentAsOf : null,
            Status = publication.ShowsStatuses ? t.Status : null,
            StatusReason = publication.ShowsStatuses && publication.ShowsValues ? t.StatusReason : null,
        }).ToList(),
    };

    /// <summary>
    /// Whether anonymous visitors may see events that have not started. The partner network belongs to no one plan:
    /// the current plan's choice (the newest, the one <c>/</c> shows) governs it.
    /// </summary>
    public static async Task<bool> ShowsUpcomingEventsAsync(JiaowangDb db, CancellationToken ct = default)
    {
        var current = await db.Plans.AsNoTracking().OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (current is null) return true;
        return (await ForPlanAsync(db, current.Value, ct)).ShowsUpcomingEvents;
    }
}
