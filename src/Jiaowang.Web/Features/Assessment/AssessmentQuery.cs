using Jiaowang.Core.Assessment;
using Jiaowang.Core.Evaluations;
using Jiaowang.Core.Meetings;
using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Evaluations;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Assessment;

/// <param name="Phase">The phase assessed (its position), or null for the whole plan.</param>
public sealed record AssessmentResult(int PlanId, int? Phase, DateOnly AsOf, AssessmentWeights Weights, IReadOnlyList<UnitScore> Units);

/// <summary>
/// 结果考评: gathers what the platform knows about each reporting unit (<see cref="UnitFacts"/>) over a phase or the
/// plan, as of today, and scores it with the plan's weights by <see cref="UnitAssessment.Score"/>. A supervision notice
/// (督办单) of the plan issued to a unit in the span counts once its answer is in or its respond-by day has passed (one
/// still within its answering time is not judged yet); it went well when answered on or before its respond-by day.
/// </summary>
public sealed class AssessmentQuery(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> reporting, IOptions<EvaluationOptions> evaluations)
{
    /// <summary>How a unit's satisfaction score is made from its tally: 满意 counts 100, 基本满意 60, 不满意 0.</summary>
    public static decimal? SatisfactionScore(UnitSatisfaction u) => u.Ballots == 0 ? null : (100m * u.Satisfied + 60m * u.BasicallySatisfied) / u.Ballots;

    public async Task<AssessmentWeights> WeightsAsync(int planId, CancellationToken ct = default) =>
        (await db.AssessmentWeights.AsNoTracking().FirstOrDefaultAsync(w => w.PlanId == planId, ct))?.ToWeights() ?? AssessmentWeights.Default;

    public async Task<AssessmentResult?> RunAsync(int planId, int? phase, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return null;
        var today = clock.Today();
        var state = await SupervisionState.LoadAsync(db, planId, today, reporting.Value, ct);
        var periods = state.PlanPeriods.Where(p => phase is null || p.PhasePosition == phase).ToList();
        var periodIds = periods.Select(p => p.Id).ToList();
        DateOnly? from = periods.Count == 0 ? null : periods.Min(p => p.Start), to = periods.Count == 0 ? null : periods.Max(p => p.End);

        var reports = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new { r.Id, r.PeriodId, r.TaskId, r.UnitId, r.State }).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var history = (await db.ReportVersions.AsNoTracking().Where(v => reportIds.Contains(v.ReportId) && (v.Action == "submit" || v.Action == "return" || v.Action == "accept"))
                .Select(v => new { v.ReportId, v.Action, v.At }).ToListAsync(ct))
            .GroupBy(v => v.ReportId).ToDictionary(g => g.Key, g => (
                FirstSubmitted: g.Where(v => v.Action == "submit").Select(v => (DateTimeOffset?)v.At).Min(),
                Returned: g.Any(v => v.Action == "return"), Reviewed: g.Any(v => v.Action is "return" or "accept")));
        var byKey = reports.ToDictionary(r => (r.PeriodId, r.TaskId, r.UnitId));
        DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);

        var extensions = await db.Extensions.AsNoTracking().Where(e => e.State == RequestState.Approved
                && (e.PeriodId != null ? periodIds.Contains(e.PeriodId.Value) : phase == null))
            .Select(e => new { e.UnitId, e.FollowUpId }).ToListAsync(ct);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.Meeting!.PlanId == planId && f.Deadline < today)
            .Select(f => new { f.UnitId, f.Deadline, f.State }).ToListAsync(ct);
        var taskIds = state.Owed.Select(o => o.PlanTaskId).Distinct().ToList();
        var planReportIds = db.Reports.Where(r => db.Periods.Any(p => p.Id == r.PeriodId && p.PlanId == planId)).Select(r => r.Id);
        var instructions = await db.Instructions.AsNoTracking()
            .Where(i => (i.TaskId != null && taskIds.Contains(i.TaskId.Value)) || (i.ReportId != null && planReportIds.Contains(i.ReportId.Value)))
            .Select(i => new { i.UnitId, i.At, Answered = i.Answer != null }).ToListAsync(ct);
        var notices = (await db.Notices.AsNoTracking().Where(n => n.PlanId == planId)
                .Select(n => new { n.UnitId, n.IssuedAt, n.RespondBy, n.AnsweredAt }).ToListAsync(ct))
            .Where(n => n.AnsweredAt is not null || n.RespondBy < today)
            .Select(n => (n.UnitId, Issued: LocalDay(n.IssuedAt), InTime: n.AnsweredAt is { } at && LocalDay(at) <= n.RespondBy)).ToList();
        var vote = await EvaluationQueries.LatestClosedResultsAsync(db, planId, clock.GetUtcNow(), evaluations.Value.MinimumBallots, ct);
        var satisfaction = vote is { TooFewBallots: false } ? vote.Units.ToDictionary(u => u.UnitId, SatisfactionScore) : [];

        bool InSpan(DateOnly day) => from is null || (day >= from && day <= to);
        var facts = state.Owed.DistinctBy(o => o.UnitId).Select(unit =>
        {
            var due = periods.SelectMany(p => p.Owed(state.Owed.Where(o => o.UnitId == unit.UnitId), o => o.PlanTaskId, o => o.UnitId)
                    .Select(o => (Period: p, o.TaskId, Due: state.Due.Of(p, o.TaskId, unit.UnitId))))
                .Where(d => d.Due < today).ToList();
            var onTime = due.Count(d => byKey.TryGetValue((d.Period.Id, d.TaskId, unit.UnitId), out var r)
                && history.TryGetValue(r.Id, out var h) && h.FirstSubmitted is { } at && LocalDay(at) <= d.Due);
            var own = reports.Where(r => r.UnitId == unit.UnitId && history.TryGetValue(r.Id, out var h) && h.Reviewed).ToList();
            var firstTime = own.Count(r => r.State == ReportState.Accepted && !history[r.Id].Returned);
            var items = followUps.Where(f => f.UnitId == unit.UnitId && InSpan(f.Deadline)).ToList();
            var told = instructions.Where(i => i.UnitId == unit.UnitId && InSpan(LocalDay(i.At))).ToList();
            var noticed = notices.Where(n => n.UnitId == unit.UnitId && InSpan(n.Issued)).ToList();
            return new UnitFacts(unit.UnitId, unit.UnitName, due.Count, onTime, own.Count, firstTime, extensions.Count(e => e.UnitId == unit.UnitId),
                items.Count, items.Count(f => f.State == FollowUpState.Done), told.Count, told.Count(i => i.Answered),
                noticed.Count, noticed.Count(n => n.InTime), satisfaction.GetValueOrDefault(unit.UnitId));
        }).ToList();
        var weights = await WeightsAsync(planId, ct);
        return new AssessmentResult(planId, phase, today, weights, UnitAssessment.Score(facts, weights));
    }
}
