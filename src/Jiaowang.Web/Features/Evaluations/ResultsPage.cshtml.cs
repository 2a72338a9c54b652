using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>
/// A closed evaluation's tallies, rates and comments, for the office, leaders and members; printable. Below the minimum
/// number of ballots the page says only that too few voted.
/// </summary>
[ScopedTo(Scope.Evaluation)]
[Authorize(Policy = EvaluationsApi.ResultsPolicy)]
public sealed class ResultsPageModel(JiaowangDb db, EvaluationActions actions, TimeProvider clock, IOptions<EvaluationOptions> options) : PageModel
{
    public Evaluation Evaluation { get; private set; } = null!;
    public ResultsWithComments? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } evaluation) return NotFound();
        Evaluation = evaluation;
        if (!evaluation.IsClosed(clock.GetUtcNow()))
        {
            // Not yet: nobody sees a partial tally, which would let the office watch each vote move the figures.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var now = clock.GetUtcNow();
        await EvaluationSealing.SealAsync(db, evaluation, now, options.Value.MinimumBallots, ct);
        Results = await EvaluationQueries.ResultsAsync(db, evaluation, now, options.Value.MinimumBallots, ct);
        if (Results.Results.TooFewBallots) Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Width(int part, int whole) =>
        whole == 0 ? "0%" : ((decimal)part * 100 / whole).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
