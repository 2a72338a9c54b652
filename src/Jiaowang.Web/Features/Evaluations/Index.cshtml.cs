using Jiaowang.Web.Shared.Access;
using System.Security.Claims;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Evaluations;

/// <param name="Voted">For a member: whether they voted; null for the office and leaders.</param>
/// <param name="CloseRequested">For the office and admins: a request to close early waits for an admin.</param>
public sealed record EvaluationRow(int Id, string Title, bool Closed, DateTimeOffset ClosedAt, int Eligible, int Voters, bool? Voted, bool CloseRequested);

/// <summary>
/// The evaluations: the office's list with turnout, a leader's list of results, a member's "my evaluations" with the
/// ballots still to cast.
/// </summary>
[ScopedTo(Scope.Self)]
[Authorize(Policy = EvaluationsApi.ResultsPolicy)]
public sealed class IndexModel(JiaowangDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<EvaluationOptions> options) : PageModel
{
    public List<EvaluationRow> Rows { get; private set; } = [];
    public bool IsOffice { get; private set; }
    public bool IsMember { get; private set; }
    /// <summary>The office and leaders read one plan's evaluations at a time; a member sees every ballot open to them.</summary>
    public int? PlanId { get; private set; }
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];

    public async Task OnGetAsync(int? planId, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        IsOffice = caller.IsOffice;
        IsMember = caller.IsMember;
        var userId = caller.UserId;
        var query = db.Evaluations.AsNoTracking();
        if (!caller.ReadsAll) query = query.Where(e => e.Electors.Any(x => x.UserId == userId));
        else
        {
            PlanId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
            PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
            query = query.Where(e => e.PlanId == PlanId);
        }
        var list = await query.OrderByDescending(e => e.Id).Select(e => new
        {
            Evaluation = e,
            Eligible = e.Electors.Count,
            Voters = db.EvaluationVoters.Count(v => v.EvaluationId == e.Id),
            Mine = db.EvaluationVoters.Any(v => v.EvaluationId == e.Id && v.UserId == userId),
        }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Rows = list.Select(r => new EvaluationRow(r.Evaluation.Id, r.Evaluation.Title, r.Evaluation.IsClosed(now), r.Evaluation.ClosedAt,
            r.Eligible, r.Voters, IsMember ? r.Mine : null, IsOffice && r.Evaluation.HasPendingCloseRequest(now, options.Value.CloseRequestLifetime))).ToList();
    }
}
