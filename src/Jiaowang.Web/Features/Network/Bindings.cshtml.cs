using Jiaowang.Core.Network;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>
/// The office chooses which targets count themselves from the registry, and sees each target's readings with where
/// each value came from (registry count or a person). One plan at a time, through the office's plan picker: with every
/// plan on one page, a city with many plans read every reading of every plan (a million at the scale of
/// docs/PERFORMANCE.md, "Scale") to show one page.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class BindingsModel(JiaowangDb db, RegistrySync sync) : PageModel
{
    public sealed record TargetRow(int Id, string Plan, string Metric, decimal Value, string Measure, RegistryBinding? Binding, IReadOnlyList<Reading> Readings);

    public IReadOnlyList<TargetRow> Targets { get; private set; } = [];
    public int? PlanId { get; private set; }
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];

    public async Task OnGetAsync(int? planId, CancellationToken ct)
    {
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        PlanId = Portfolio.PlanChoice.Resolve(HttpContext, PlanOptions, planId);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == PlanId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position)
            .Select(t => new { t.Id, Plan = db.Plans.Where(p => p.Id == t.Group!.PlanId).Select(p => p.Title).First(), t.Metric, t.Value, t.Measure, t.Binding })
            .ToListAsync(ct);
        var ids = targets.Select(t => t.Id).ToList();
        var readings = (await db.Readings.AsNoTracking().Where(r => ids.Contains(r.TargetId)).ToListAsync(ct)).ToLookup(r => r.TargetId);
        Targets = targets.Select(t => new TargetRow(t.Id, t.Plan, t.Metric, t.Value, t.Measure, t.Binding,
            readings[t.Id].OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).ToList())).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int targetId, string? binding, CancellationToken ct)
    {
        var target = await db.Targets.Include(t => t.Group).FirstOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null) return NotFound();
        target.Binding = !string.IsNullOrEmpty(binding) && RegistryBindings.TryParse(binding, out var b) ? b : null;
        await db.SaveChangesAsync(ct);
        await sync.RefreshAsync(ct);
        return Redirect($"/partners/bindings?planId={target.Group!.PlanId}#target-{targetId}");
    }
}
