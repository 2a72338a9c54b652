using Jiaowang.Core.Meetings;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notices;

/// <summary>
/// The colour each notice shows today (<see cref="NoticeRules.Current"/>), from the state of what it is about on the
/// injected clock's day: a blue notice whose report becomes overdue shows red. The colour at issue stays on the notice.
/// </summary>
public sealed class NoticeColours(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> reporting)
{
    public DateOnly Today => clock.Today();

    public async Task<Dictionary<int, NoticeColour>> CurrentAsync(IReadOnlyCollection<SupervisionNotice> notices, CancellationToken ct)
    {
        var today = Today;
        var result = notices.ToDictionary(n => n.Id, n => n.Colour);
        var open = notices.Where(n => n.Status != NoticeStatus.Closed).Select(n => (Notice: n, About: RelatesTo.Parse(n.RelatesTo))).ToList();
        if (open.Count == 0) return result;

        // Reports and owed reports: the unit's own due day and the task's pace, from the plan's supervision state.
        var reportIds = open.Where(o => o.About?.Kind == "report").Select(o => o.About!.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (r.PeriodId, r.TaskId), ct);
        var followUpIds = open.Where(o => o.About?.Kind == "followUp").Select(o => o.About!.Id).ToList();
        var followUps = await db.FollowUps.AsNoTracking().Where(f => followUpIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Deadline, f.State), ct);
        (int PeriodId, int? TaskId)? Owed(RelatesTo? about) => about switch
        {
            { Kind: "owed" } => (about.Id, about.TaskId),
            { Kind: "report" } when reports.TryGetValue(about.Id, out var r) => (r.PeriodId, r.TaskId),
            _ => null,
        };
        var periodIds = open.Select(o => Owed(o.About)?.PeriodId).OfType<int>().Distinct().ToList();
        var plans = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).Select(p => p.PlanId).Distinct().ToListAsync(ct);
        var states = (await SupervisionState.LoadManyAsync(db, plans, today, reporting.Value, ct)).Values.ToList();

        foreach (var (notice, about) in open)
        {
            DateOnly? stillDue = null;
            var behind = false;
            if (Owed(about) is { } owed && states.FirstOrDefault(s => s.PlanPeriods.Any(p => p.Id == owed.PeriodId)) is { } state)
            {
                var period = state.PlanPeriods.Single(p => p.Id == owed.PeriodId);
                stillDue = state.Outstanding(period).FirstOrDefault(o => o.UnitId == notice.UnitId && o.TaskId == owed.TaskId)?.Deadline;
                behind = owed.TaskId is { } t && state.UnitOnTask(t, notice.UnitId).Status == Status.Behind;
            }
            else if (about?.Kind == "followUp" && followUps.TryGetValue(about.Id, out var f) && f.State != FollowUpState.Done)
            {
                stillDue = f.Deadline;
            }
            result[notice.Id] = NoticeRules.Current(notice.Colour, notice.Status, notice.RespondBy, stillDue, behind, today);
        }
        return result;
    }

    public async Task<NoticeColour> CurrentAsync(SupervisionNotice notice, CancellationToken ct) => (await CurrentAsync([notice], ct))[notice.Id];
}
