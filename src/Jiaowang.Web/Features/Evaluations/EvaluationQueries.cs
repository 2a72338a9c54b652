using Jiaowang.Core.Evaluations;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>A closed evaluation's results with the members' comments per unit, for the results page and API.</summary>
/// <param name="Comments">Per unit id: the comments, sorted by text so that their order says nothing about who wrote them when.</param>
public sealed record ResultsWithComments(EvaluationResults Results, IReadOnlyDictionary<int, IReadOnlyList<string>> Comments);

/// <summary>Reading the vote: plan units in order and the tallies of closed evaluations. Other features call these.</summary>
public static class EvaluationQueries
{
    /// <summary>
    /// The results of the plan's most recently closed evaluation, units in the plan's unit order; null when none has
    /// closed by <paramref name="now"/>. The final summary prints this. Below <paramref name="minimumBallots"/> ballots
    /// the results carry the turnout only (<see cref="EvaluationResults.TooFewBallots"/>).
    /// </summary>
    public static async Task<EvaluationResults?> LatestClosedResultsAsync(JiaowangDb db, int planId, DateTimeOffset now, int minimumBallots, CancellationToken ct = default)
    {
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.PlanId == planId).ToListAsync(ct);
        var latest = evaluations.Where(e => e.IsClosed(now)).OrderByDescending(e => e.ClosedAt).ThenByDescending(e => e.Id).FirstOrDefault();
        return latest is null ? null : (await ResultsAsync(db, latest, now, minimumBallots, ct)).Results;
    }

    /// <summary>
    /// How many ballots the stored answers hold: every ballot answers every unit on it exactly once, so it is the number
    /// of answers about any one unit. Answers discarded at the seal (too few ballots) count as none.
    /// </summary>
    public static int Ballots(IEnumerable<EvaluationAnswer> answers) =>
        answers.GroupBy(a => a.UnitId).Select(g => g.Count()).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The tallies of an evaluation with its comments; the caller checks that it has closed. When fewer than
    /// <paramref name="minimumBallots"/> ballots were kept the results hold no tallies and no comments, only the turnout.
    /// </summary>
    public static async Task<ResultsWithComments> ResultsAsync(JiaowangDb db, Evaluation evaluation, DateTimeOffset now, int minimumBallots, CancellationToken ct = default)
    {
        var electors = await db.EvaluationElectors.CountAsync(e => e.EvaluationId == evaluation.Id, ct);
        var voters = await db.EvaluationVoters.CountAsync(v => v.EvaluationId == evaluation.Id, ct);
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.EvaluationId == evaluation.Id)
            .Select(a => new EvaluationAnswer { UnitId = a.UnitId, Satisfaction = a.Satisfaction, Comment = a.Comment }).ToListAsync(ct);
        if (evaluation.Results(now, Ballots(answers), minimumBallots) != ResultsAccess.Open)
        {
            return new(new EvaluationResults(evaluation.Id, evaluation.PlanId, evaluation.Title, evaluation.ClosedAt, electors, voters, [])
            {
                TooFewBallots = true, MinimumBallots = minimumBallots,
            }, new Dictionary<int, IReadOnlyList<string>>());
        }
        var order = await PlanUnitsAsync(db, evaluation.PlanId, ct);
        var rank = order.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var unitIds = await db.EvaluationUnits.AsNoTracking().Where(u => u.EvaluationId == evaluation.Id)
            .OrderBy(u => u.Position).Select(u => u.UnitId).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byUnit = answers.ToLookup(a => a.UnitId);
        var ordered = unitIds.OrderBy(id => rank.TryGetValue(id, out var r) ? r : int.MaxValue).ToList();
        var units = ordered.Select(id => Ballot.Tally(id, names[id], byUnit[id].Select(a => a.Satisfaction))).ToList();
        var comments = ordered.ToDictionary(id => id, id => (IReadOnlyList<string>)byUnit[id]
            .Where(a => a.Comment is not null).Select(a => a.Comment!).Order(StringComparer.Ordinal).ToList());
        return new(new EvaluationResults(evaluation.Id, evaluation.PlanId, evaluation.Title, evaluation.ClosedAt, electors, voters, units)
        {
            MinimumBallots = minimumBallots,
        }, comments);
    }

    /// <summary>
    /// The plan's units as the plan lists them: task by task in the document's order, each task's lead units before its
    /// co-units, each unit at its first mention.
    /// </summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> PlanUnitsAsync(JiaowangDb db, int planId, CancellationToken ct = default)
    {
        var rows = await db.Assignments.AsNoTracking().Where(a => a.Task!.Group!.PlanId == planId)
            .Select(a => new { GroupPosition = a.Task!.Group!.Position, a.Task.Number, a.Role, a.Position, a.UnitId, a.Unit!.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.GroupPosition).ThenBy(r => r.Number).ThenBy(r => r.Role == AssignmentRole.Lead ? 0 : 1).ThenBy(r => r.Position)
            .Select(r => (r.UnitId, r.Name)).Distinct().ToList();
    }
}
