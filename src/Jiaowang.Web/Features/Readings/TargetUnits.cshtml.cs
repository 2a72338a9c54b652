using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Readings;

public sealed record TargetRow(int Id, string Group, string Metric, decimal Value, string Measure, IReadOnlyList<int> UnitIds)
{
    /// <summary>How the target is judged: kind, baseline, base year, time profile (the office confirms or corrects it here).</summary>
    public Jiaowang.Web.Features.Targets.TargetRuleItem? Rule { get; init; }
}

/// <summary>The office assigns each target to the units that report its readings (指标分解).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class TargetUnitsModel(JiaowangDb db, AuditLog audit, Microsoft.Extensions.Localization.IStringLocalizer<Jiaowang.Web.Shared.SharedResource> shared) : PageModel
{
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];
    public int? PlanId { get; private set; }
    public IReadOnlyList<string> RuleProblems { get; private set; } = [];
    public List<TargetRow> Targets { get; private set; } = [];
    public List<UnitRef> Units { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? planId, bool saved, CancellationToken ct)
    {
        Saved = saved;
        var id = PlanId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
        if (id is null) return NotFound();
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        var rules = (await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == id).ToListAsync(ct)).ToDictionary(t => t.Id, Jiaowang.Web.Features.Targets.TargetRules.ItemOf);
        var assigned = (await db.TargetUnits.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.TargetId, a => a.UnitId);
        Targets = (await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == id)
                .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position)
                .Select(t => new { t.Id, Group = t.Group!.Name, t.Metric, t.Value, t.Measure }).ToListAsync(ct))
            .Select(t => new TargetRow(t.Id, t.Group, t.Metric, t.Value, t.Measure, assigned[t.Id].ToList()) { Rule = rules.GetValueOrDefault(t.Id) }).ToList();
        Units = (await db.Assignments.Where(a => a.Task!.Group!.PlanId == id).Select(a => new { a.UnitId, a.Unit!.Name }).ToListAsync(ct))
            .Select(u => new UnitRef(u.UnitId, u.Name)).Distinct().OrderBy(u => u.Name).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int targetId, int[] unitIds, CancellationToken ct)
    {
        if (!await db.Targets.AnyAsync(t => t.Id == targetId, ct)) return NotFound();
        if (await ReadingsApi.AssignAsync(db, audit, (await HttpContext.GetCallerAsync())!.UserName, targetId, unitIds, ct) is null) return BadRequest();
        return Redirect($"/office/targets?saved=true#target-{targetId}");
    }

    /// <summary>The office confirms or corrects how a target is judged (kind, baseline, base year, time profile).</summary>
    public async Task<IActionResult> OnPostRuleAsync(int targetId, string? kind, decimal? baseline, int? baseYear, string? timeProfile, bool? decline, CancellationToken ct)
    {
        var outcome = await Jiaowang.Web.Features.Targets.TargetRules.SetAsync(db, audit, (await HttpContext.GetCallerAsync())!.UserName, targetId,
            new Jiaowang.Web.Features.Targets.TargetRuleInput(kind, baseline, baseYear, timeProfile, decline), shared, ct);
        if (outcome.Refusal is { Kind: Jiaowang.Web.Shared.Access.RefusalKind.NotFound }) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            RuleProblems = refusal.Messages;
            return await OnGetAsync(null, false, ct);
        }
        return Redirect($"/office/targets?saved=true#target-{targetId}");
    }
}
