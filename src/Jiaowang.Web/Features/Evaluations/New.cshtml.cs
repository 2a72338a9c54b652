using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>The office opens an evaluation: plan, title, closing time and the units on the ballot (all by default).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class NewModel(JiaowangDb db, EvaluationActions actions, TimeProvider clock) : PageModel
{
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public int Members { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public int PlanId { get; set; }
    [BindProperty] public string? Title { get; set; }
    /// <summary>Beijing time, as a datetime-local field sends it.</summary>
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public List<int> UnitIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? planId, CancellationToken ct)
    {
        await LoadAsync(planId, ct);
        if (Plans.Count == 0) return Page();
        UnitIds = Units.Select(u => u.Id).ToList();
        var now = Format.InBeijing(clock.GetUtcNow());
        ClosesAt = now.Date.AddDays(7).AddHours(18);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form says Beijing time, whatever zone the server runs in.
        DateTimeOffset? closesAt = ClosesAt is { } local ? Format.FromBeijing(local) : null;
        var outcome = await actions.OpenAsync((await HttpContext.GetCallerAsync())!.UserName, new NewEvaluation(PlanId, Title, closesAt, UnitIds), ct);
        if (outcome.Refusal is not { } refusal) return Redirect($"/evaluations/{outcome.Value!.Id}?opened=true");
        Problems = refusal.Messages;
        await LoadAsync(PlanId, ct);
        return Page();
    }

    async Task LoadAsync(int? planId, CancellationToken ct)
    {
        Plans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        if (Plans.Count == 0) return;
        var chosen = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
        if (chosen is not { } id || Plans.All(p => p.Id != id)) id = Plans[0].Id;
        PlanId = id;
        Units = await EvaluationQueries.PlanUnitsAsync(db, id, ct);
        var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstOrDefaultAsync(ct);
        Members = await db.UserRoles.CountAsync(ur => ur.RoleId == memberRole, ct);
    }
}
