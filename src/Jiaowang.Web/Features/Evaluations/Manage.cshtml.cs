using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>The office follows an evaluation: turnout, the names of those who voted (never what), and closing it early.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ManageModel(JiaowangDb db, EvaluationActions actions, TimeProvider clock) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public string PlanTitle { get; private set; } = "";
    public List<string> UnitNames { get; private set; } = [];
    public List<string> Voters { get; private set; } = [];
    public bool Closed { get; private set; }
    public bool Opened { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool opened, CancellationToken ct)
    {
        Opened = opened;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        var outcome = await actions.CloseAsync(User.Identity!.Name!, id, ct);
        if (outcome.Failure == EvaluationFailure.NotFound) return NotFound();
        if (outcome.Succeeded) return Redirect($"/evaluations/{id}");
        Problem = outcome.Message;
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } evaluation) return false;
        Evaluation = evaluation;
        Closed = evaluation.IsClosed(clock.GetUtcNow());
        PlanTitle = await db.Plans.Where(p => p.Id == evaluation.PlanId).Select(p => p.Title).FirstAsync(ct);
        var unitIds = evaluation.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        UnitNames = unitIds.Select(u => names[u]).ToList();
        // Names in alphabetical order, without times: the page tells who voted, not in which order.
        Voters = (await db.EvaluationVoters.Where(v => v.EvaluationId == id).Join(db.Users, v => v.UserId, u => u.Id, (v, u) => u.DisplayName ?? u.UserName!)
            .ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
