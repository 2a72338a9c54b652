using Jiaowang.Web.Shared.Access;
using System.Security.Claims;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>One line of the ballot form, as posted.</summary>
public sealed class BallotField
{
    public int UnitId { get; set; }
    public string? Satisfaction { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// A member's ballot: a row per unit with three choices and a comment. After voting the page says that they voted and
/// when, never what: the answers are stored without their name.
/// </summary>
[ScopedTo(Scope.Evaluation)]
[Authorize(Policy = Policies.Member)]
public sealed class BallotPageModel(JiaowangDb db, EvaluationActions actions, TimeProvider clock, IStringLocalizer<EvaluationsText> text) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public DateTimeOffset? VotedAt { get; private set; }
    public bool Closed { get; private set; }
    public bool Done { get; private set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public List<BallotField> Answers { get; set; } = [];

    public static readonly Satisfaction[] Choices = [Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied];

    public string? Chosen(int unitId) => Answers.FirstOrDefault(a => a.UnitId == unitId)?.Satisfaction;
    public string? CommentOf(int unitId) => Answers.FirstOrDefault(a => a.UnitId == unitId)?.Comment;

    public async Task<IActionResult> OnGetAsync(int id, bool done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var lines = Answers.Select(a => new BallotLine(a.UnitId, EvaluationsApi.TryParse(a.Satisfaction, out var s) ? s : null, a.Comment)).ToList();
        var outcome = await actions.CastAsync((await HttpContext.GetCallerAsync())!, id, lines, ct);
        if (outcome.Refusal is not { } refusal) return Redirect($"/evaluations/{id}/ballot?done=true");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problems = refusal.Messages;
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } evaluation) return false;
        Evaluation = evaluation;
        var userId = (await HttpContext.GetCallerAsync())!.UserId;
        if (evaluation.Electors.All(e => e.UserId != userId)) Refusal = text["Ballot.NotElector"];
        Closed = evaluation.IsClosed(clock.GetUtcNow());
        VotedAt = await db.EvaluationVoters.Where(v => v.EvaluationId == id && v.UserId == userId).Select(v => (DateTimeOffset?)v.At).FirstOrDefaultAsync(ct);
        var unitIds = evaluation.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList();
        var names = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        Units = unitIds.Select(u => (u, names[u])).ToList();
        return true;
    }
}
