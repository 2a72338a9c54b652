using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Targets;

/// <summary>What the office confirms or corrects about how a target is judged.</summary>
/// <param name="Kind">level, cumulative, new, growth, keep, ceiling or share.</param>
/// <param name="Baseline">基数 in the unit the plan writes, or null (counts from zero; for keep, the target is the floor).</param>
/// <param name="BaseYear">The year the baseline stands for, or null.</param>
/// <param name="TimeProfile">Twelve monthly weights "1,1,1.2,…" (January … December), or null/empty for linear 序时进度.</param>
/// <param name="Decline">For a growth target: true when the plan wants a decline (下降 3%), false for a rise; null or omitted
/// reads it from the target's sentence.</param>
public sealed record TargetRuleInput(string? Kind, decimal? Baseline, int? BaseYear, string? TimeProfile, bool? Decline = null);

/// <summary>How a target is judged now.</summary>
/// <param name="Decline">A growth target that wants a decline: its readings are signed change rates (−3.5 for 下降 3.5%).</param>
public sealed record TargetRuleItem(int Id, TargetKind Kind, decimal? Baseline, int? BaseYear, IReadOnlyList<decimal>? TimeProfile, bool Decline);

/// <summary>The office confirms or corrects a target's kind, baseline, base year, direction and time profile; each change is audited.</summary>
public static class TargetRules
{
    public static void MapTargetRules(this RouteGroupBuilder targets) =>
        targets.MapPut("/{id:int}/rule", Put).RequireAuthorization(Accounts.Policies.Office)
            .WithSummary("The office confirms or corrects the target's kind, baseline (基数), base year, direction (decline) and time profile.");

    static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<TargetRuleItem>, Refused>> Put(
        int id, TargetRuleInput input, Caller caller, JiaowangDb db, AuditLog audit, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var outcome = await SetAsync(db, audit, caller.UserName, id, input, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : Microsoft.AspNetCore.Http.TypedResults.Ok(outcome.Value!);
    }

    public static TargetRuleItem ItemOf(Target t) => new(t.Id, t.EffectiveKind, t.Baseline, t.BaseYear, TimeProfiles.Parse(t.TimeProfile), t.EffectiveDecline);

    /// <summary>Validates and saves the rule, for the API and the office's targets page alike.</summary>
    public static async Task<Outcome<TargetRuleItem>> SetAsync(JiaowangDb db, AuditLog audit, string actor, int id, TargetRuleInput input,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var target = await db.Targets.Include(t => t.Group).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return Refusal.NotFound(text["TargetRule.NotFound"]);
        if (await Plans.PlanLifecycles.RefuseIfClosedAsync(db, target.Group!.PlanId, text, ct) is { } closed) return closed;
        var errors = new Dictionary<string, string[]>();
        if (!TargetKinds.TryParse(input.Kind, out var kind)) errors["kind"] = [text["TargetRule.Kind", input.Kind ?? ""]];
        if (input.Baseline is < 0m or > 1_000_000_000_000m) errors["baseline"] = [text["TargetRule.Baseline"]];
        if (input.BaseYear is < 1949 or > 2100) errors["baseYear"] = [text["TargetRule.BaseYear", input.BaseYear ?? 0]];
        decimal[]? profile = null;
        if (!string.IsNullOrWhiteSpace(input.TimeProfile) && (profile = TimeProfiles.Parse(input.TimeProfile)) is null)
            errors["timeProfile"] = [text["TargetRule.TimeProfile"]];
        if (errors.Count > 0) return Refusal.Invalid(errors, errors.First().Value[0]);

        var before = ItemOf(target);
        target.Kind = kind;
        target.Baseline = input.Baseline;
        target.BaseYear = input.BaseYear;
        target.Decline = input.Decline;
        target.TimeProfile = profile is null ? null : TimeProfiles.Format(profile);
        var after = ItemOf(target);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Target", id.ToString(), "rule", before, after)], ct);
        return after;
    }
}
