using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>
/// After the close, rewrites an evaluation's answers as new rows with new random keys, in a random order, in one
/// transaction. While the vote is open each ballot's answers sit in the table in arrival order: SQLite's rowid, the
/// physical order, and PostgreSQL's xmin (the id of the transaction that also wrote the voter row) could line them up
/// with the voters' timestamps. Rewritten rows carry only the sealing transaction's traces. A vote with fewer ballots
/// than the minimum has its answers discarded instead: its results are never published, and nothing is left that a
/// later change of the minimum, or a reader of the database, could show.
/// </summary>
public static class EvaluationSealing
{
    /// <summary>Seals a closed evaluation once; does nothing while it is open or when it is already sealed.</summary>
    public static async Task SealAsync(JiaowangDb db, Evaluation evaluation, DateTimeOffset now, int minimumBallots, CancellationToken ct = default)
    {
        if (!evaluation.IsClosed(now) || evaluation.SealedAt is not null) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only one sealer wins: the conditional update claims the evaluation before the rows are rewritten.
        var claimed = await db.Evaluations.Where(e => e.Id == evaluation.Id && e.SealedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SealedAt, now), ct);
        if (claimed == 0) return;
        var answers = await db.EvaluationAnswers.AsNoTracking().Where(a => a.EvaluationId == evaluation.Id).ToListAsync(ct);
        await db.EvaluationAnswers.Where(a => a.EvaluationId == evaluation.Id).ExecuteDeleteAsync(ct);
        if (evaluation.Results(now, EvaluationQueries.Ballots(answers), minimumBallots) == ResultsAccess.TooFewBallots)
        {
            await transaction.CommitAsync(ct);
            evaluation.SealedAt = now;
            return;
        }
        var fresh = answers.Select(a => new EvaluationAnswer
        {
            Id = Guid.NewGuid(), EvaluationId = a.EvaluationId, UnitId = a.UnitId, Satisfaction = a.Satisfaction, Comment = a.Comment,
        }).ToArray();
        Random.Shared.Shuffle(fresh);
        db.EvaluationAnswers.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        evaluation.SealedAt = now;
    }
}

/// <summary>
/// Seals every evaluation whose closing time has passed, once a minute, so that a vote closing by its time is not left
/// unsealed until someone happens to open its results.
/// </summary>
public sealed class EvaluationSealer(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<EvaluationOptions> options,
    Operations.BackgroundJobs jobs) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public const string Job = "evaluation-sealing";

    // With several instances on one database, the one that leads the job seals (Features/Operations/BackgroundJobs);
    // the conditional claim in SealAsync stays, for a seal started by someone opening the results.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => jobs.RepeatAsync(Job, Interval, SealDueAsync, stoppingToken);

    /// <returns>How many evaluations were sealed.</returns>
    public async Task<int> SealDueAsync(CancellationToken ct = default)
    {
        using var actor = Audit.AuditActors.Use("system:evaluation-sealing");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var now = clock.GetUtcNow();
        // Unsealed evaluations are the few still open or just closed; the closing time is compared here rather than in
        // SQL, where SQLite cannot compare the stored instants.
        var unsealed = await db.Evaluations.Where(e => e.SealedAt == null).ToListAsync(ct);
        var sealedNow = 0;
        foreach (var evaluation in unsealed.Where(e => e.IsClosed(now)))
        {
            await EvaluationSealing.SealAsync(db, evaluation, now, options.Value.MinimumBallots, ct);
            sealedNow++;
        }
        return sealedNow;
    }
}
