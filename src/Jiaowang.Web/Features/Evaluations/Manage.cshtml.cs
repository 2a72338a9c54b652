using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>
/// The office follows an evaluation: turnout as counts (never names), and a request to close early, which an admin
/// confirms or refuses on this same page.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ManageModel(JiaowangDb db, EvaluationActions actions, TimeProvider clock, IOptions<EvaluationOptions> options) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public string PlanTitle { get; private set; } = "";
    public List<string> UnitNames { get; private set; } = [];
    public int Voters { get; private set; }
    public bool Closed { get; private set; }
    public bool Opened { get; private set; }
    public string? Problem { get; private set; }
    public CloseRequestItem? PendingRequest { get; private set; }
    public bool IsAdmin => caller?.IsAdmin == true;
    /// <summary>Whether the signed-in person made the pending request, and so cannot confirm it.</summary>
    public bool RequestedByMe => string.Equals(PendingRequest?.RequestedBy, caller?.UserName, StringComparison.OrdinalIgnoreCase);
    Caller? caller;
    public int MinimumBallots => options.Value.MinimumBallots;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, bool opened, CancellationToken ct)
    {
        Opened = opened;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRequestCloseAsync(int id, CancellationToken ct) => ActAsync(id, caller => actions.RequestCloseAsync(caller, id, Reason, ct), ct);

    public Task<IActionResult> OnPostConfirmCloseAsync(int id, CancellationToken ct) => ActAsync(id, caller => actions.ConfirmCloseAsync(caller, id, ct), ct);

    public Task<IActionResult> OnPostRefuseCloseAsync(int id, CancellationToken ct) => ActAsync(id, caller => actions.RefuseCloseAsync(caller, id, ct), ct);

    async Task<IActionResult> ActAsync(int id, Func<Caller, Task<Outcome<Evaluation>>> action, CancellationToken ct)
    {
        var outcome = await action((await HttpContext.GetCallerAsync())!);
        if (outcome.Refusal is not { } refusal) return Redirect($"/evaluations/{id}");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problem = refusal.Message;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (refusal.Kind == RefusalKind.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        caller = await HttpContext.GetCallerAsync();
        if (await actions.FindAsync(id, ct) is not { } evaluation) return false;
        Evaluation = evaluation;
        var now = clock.GetUtcNow();
        Closed = evaluation.IsClosed(now);
        PendingRequest = EvaluationsApi.PendingRequest(evaluation, now, options.Value.CloseRequestLifetime);
        PlanTitle = await db.Plans.Where(p => p.Id == evaluation.PlanId).Select(p => p.Title).FirstAsync(ct);
        var unitIds = evaluation.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        UnitNames = unitIds.Select(u => names[u]).ToList();
        // A count, not names: a list of who voted lets anyone with the office's access press a member, or single out the
        // one ballot cast between two looks at the page.
        Voters = await db.EvaluationVoters.CountAsync(v => v.EvaluationId == id, ct);
        return true;
    }
}
