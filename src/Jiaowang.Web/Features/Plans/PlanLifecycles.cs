using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>The lifecycle change the office asks for: draft, active or closed.</summary>
public sealed record LifecycleInput(string? State);

/// <summary>A plan's lifecycle after a change, and how many leading-group members were stood down with it.</summary>
public sealed record LifecycleItem(int PlanId, string State, int LeadingGroupDissolved);

/// <summary>
/// Plan lifecycle (docs/STATUS-RULES.md, "Plan lifecycle"): draft → active → closed. A closed plan is read-only for
/// reports and readings, and its leading group is dissolved (领导小组自动撤销): its members are removed, each removal audited.
/// </summary>
public static class PlanLifecycles
{
    public static string Code(PlanLifecycle state) => state.ToString().ToLowerInvariant();

    /// <summary>True when the plan is closed: writes to its reports, readings and targets are refused.</summary>
    public static Task<bool> IsClosedAsync(JiaowangDb db, int planId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.Lifecycle == PlanLifecycle.Closed, ct);

    public static async Task<Refusal?> RefuseIfClosedAsync(JiaowangDb db, int planId, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        await IsClosedAsync(db, planId, ct) ? Refusal.Conflict(text["Plan.Closed"]) : null;

    public static async Task<Outcome<LifecycleItem>> SetAsync(JiaowangDb db, AuditLog audit, string actor, int planId, string? state,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Refusal.NotFound(text["Plan.NotFound"]);
        if (string.IsNullOrWhiteSpace(state) || int.TryParse(state, out _) || !Enum.TryParse<PlanLifecycle>(state.Trim(), true, out var next) || !Enum.IsDefined(next))
            return Refusal.Invalid("state", text["Plan.LifecycleUnknown", state ?? ""]);
        var from = plan.Lifecycle;
        // Forward only: a closed plan stays closed; an active plan does not go back to draft.
        var allowed = from == next || (from, next) is (PlanLifecycle.Draft, PlanLifecycle.Active) or (PlanLifecycle.Draft, PlanLifecycle.Closed) or (PlanLifecycle.Active, PlanLifecycle.Closed);
        if (!allowed) return Refusal.Conflict(text["Plan.LifecycleMove", text[$"Lifecycle.{from}"], text[$"Lifecycle.{next}"]]);
        if (from == next) return new LifecycleItem(planId, Code(next), 0);

        plan.Lifecycle = next;
        var members = next == PlanLifecycle.Closed ? await db.LeadingGroupMembers.Where(m => m.PlanId == planId).ToListAsync(ct) : [];
        db.LeadingGroupMembers.RemoveRange(members);
        await audit.SaveAsync(db, actor, () =>
            [new AuditRecord("Plan", planId.ToString(), "lifecycle", new { state = Code(from) }, new { state = Code(next) }),
             .. members.Select(m => new AuditRecord("LeadingGroupMember", m.Id.ToString(), "dissolve", new { m.Name, post = m.Post.ToString(), m.Title, m.UnitId, m.UserId }, null))], ct);
        return new LifecycleItem(planId, Code(next), members.Count);
    }
}
