using Jiaowang.Core.Meetings;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>
/// Loads everything the dashboard shows for one plan in a fixed number of queries (about a dozen, whatever the plan's
/// size): statuses come from <see cref="TargetStates"/> and <see cref="Supervision"/>, as on every other page, and
/// the rest is counted in memory from one read of each table.
/// </summary>
public static class DashboardQuery
{
    /// <summary>The plan the dashboard opens on: the latest imported, as on the overview.</summary>
    public static Task<int?> CurrentPlanIdAsync(JiaowangDb db, CancellationToken ct = default) =>
        db.Plans.OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    public static async Task<DashboardModel?> LoadAsync(JiaowangDb db, int planId, TimeProvider clock, ReportingOptions options, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.DocumentNumber }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var today = clock.Today();

        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position)
            .Select(t => new { t.Id, GroupName = t.Group!.Name, t.Text, t.Metric, t.Value, t.Measure, t.Qualifier })
            .ToListAsync(ct);
        var states = await TargetStates.ForPlanAsync(db, planId, phases, targets.Select(t => new TargetFigure(t.Id, t.Value, t.Qualifier)), today, ct);
        // The trends by target id, through the (TargetId, AsOf, Id) index: a join from the plan lets the planner scan
        // every reading of every plan first (issue 16).
        var targetIds = targets.Select(t => t.Id).ToList();
        var readings = await db.Readings.AsNoTracking().Where(r => targetIds.Contains(r.TargetId))
            .OrderBy(r => r.TargetId).ThenBy(r => r.AsOf).ThenBy(r => r.Id).Select(r => new { r.TargetId, r.AsOf, r.Value }).ToListAsync(ct);
        // A correction is a later reading on the same day: the trend shows the last value of each day.
        var trendOf = readings.GroupBy(r => r.TargetId).ToDictionary(g => g.Key, g =>
            (IReadOnlyList<TrendPoint>)g.GroupBy(r => r.AsOf).Select(d => new TrendPoint(d.Key, d.Last().Value)).ToList());

        var supervision = await SupervisionState.LoadAsync(db, planId, today, options, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Number)
            .Select(t => new { t.Id, t.Number, t.Title, GroupNumber = t.Group!.Number, GroupTitle = t.Group.Title, GroupPosition = t.Group.Position })
            .ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.Task!.Group!.PlanId == planId)
            .OrderBy(a => a.Task!.Number).ThenBy(a => a.Role).ThenBy(a => a.Position)
            .Select(a => new { a.PlanTaskId, a.UnitId, UnitName = a.Unit!.Name, a.Role }).ToListAsync(ct);

        var periods = supervision.PlanPeriods;
        var periodIds = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new { r.Id, r.PeriodId, r.TaskId, r.UnitId, r.State }).ToListAsync(ct);
        // Only submissions and returns matter here: when a report first came in, and whether it was ever sent back.
        var history = (await db.ReportVersions.AsNoTracking()
                .Where(v => v.Action == "submit" || v.Action == "return")
                .Join(db.Reports.Where(r => periodIds.Contains(r.PeriodId)), v => v.ReportId, r => r.Id, (v, r) => new { v.ReportId, v.Action, v.At })
                .ToListAsync(ct))
            .GroupBy(v => v.ReportId)
            .ToDictionary(g => g.Key, g => (
                FirstSubmitted: g.Where(v => v.Action == "submit").Select(v => (DateTimeOffset?)v.At).Min(),
                Returned: g.Any(v => v.Action == "return")));
        var taskIds = tasks.Select(t => t.Id).ToList();
        var unanswered = await db.Instructions.AsNoTracking()
            .Where(i => i.Answer == null)
            .Where(i => (i.TaskId != null && taskIds.Contains(i.TaskId.Value))
                || (i.ReportId != null && db.Reports.Any(r => r.Id == i.ReportId && periodIds.Contains(r.PeriodId))))
            .GroupBy(i => i.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);

        // Units in the order the plan first names them: task by task, lead units before co-units.
        var units = assignments.Select(a => new MatrixUnit(a.UnitId, a.UnitName)).DistinctBy(u => u.Id).ToList();
        var periodById = periods.ToDictionary(p => p.Id);
        var reportByKey = reports.ToDictionary(r => (r.PeriodId, r.TaskId, r.UnitId));
        DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).DateTime);

        // What each unit owed by today: per task for monthly periods, one summary per unit otherwise — as the overdue list counts.
        var due = periods.Where(p => p.IsOpen(today))
            .SelectMany(p => p.Owed(supervision.Owed, a => a.PlanTaskId, a => a.UnitId).Select(o => (Period: p, o.TaskId, o.Assignment.UnitId,
                Deadline: supervision.Due.Of(p, o.TaskId, o.Assignment.UnitId))))
            .Where(d => today > d.Deadline)
            .ToList();
        var overdueByUnit = supervision.Overdue.GroupBy(o => o.UnitId).ToDictionary(g => g.Key, g => g.Count());
        // The league ranks who reports: a group's members stand in its place once it has them.
        var reporting = supervision.Owed.Select(o => new MatrixUnit(o.UnitId, o.UnitName)).DistinctBy(u => u.Id).ToList();
        var league = reporting.Select(u =>
        {
            var owed = due.Where(d => d.UnitId == u.Id).ToList();
            var onTime = owed.Count(d => reportByKey.TryGetValue((d.Period.Id, d.TaskId, d.UnitId), out var r)
                && history.TryGetValue(r.Id, out var h) && h.FirstSubmitted is { } at && LocalDay(at) <= d.Deadline);
            var own = reports.Where(r => r.UnitId == u.Id).ToList();
            var returned = own.Count(r => history.TryGetValue(r.Id, out var h) && h.Returned);
            var firstTime = own.Count(r => r.State == ReportState.Accepted && !(history.TryGetValue(r.Id, out var h) && h.Returned));
            return new UnitRow(u.Id, u.Name, owed.Count, onTime, firstTime, returned,
                overdueByUnit.GetValueOrDefault(u.Id), unanswered.GetValueOrDefault(u.Id));
        }).ToList();

        // The latest monthly report of each unit on each task, for the matrix's links.
        var latestReport = reports.Where(r => r.TaskId != null)
            .GroupBy(r => (TaskId: r.TaskId!.Value, r.UnitId))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => (periodById[r.PeriodId].Deadline, r.Id))!);
        var roles = assignments.ToDictionary(a => (a.PlanTaskId, a.UnitId), a => a.Role);
        var matrix = tasks.GroupBy(t => (t.GroupPosition, t.GroupNumber, t.GroupTitle)).Select(g => new MatrixGroup(g.Key.GroupNumber, g.Key.GroupTitle,
            g.Select(t => new MatrixRow(t.Id, t.Number, t.Title, Code(supervision.Tasks.GetValueOrDefault(t.Id)?.Status ?? Status.OnTrack),
                units.Select(u =>
                {
                    if (!roles.TryGetValue((t.Id, u.Id), out var role)) return null;
                    var report = latestReport.GetValueOrDefault((t.Id, u.Id));
                    return new MatrixCell(u.Id, role == AssignmentRole.Lead ? "lead" : "co", Code(supervision.UnitOnTask(t.Id, u.Id).Status),
                        report?.Id, report is null ? null : ApiCode.Of(report.State));
                }).ToList())).ToList())).ToList();

        // Each group named in a task, its status from its members' reports and each member's own (expandable on the page).
        var groupRows = supervision.Owed.Where(o => o.GroupId is not null).GroupBy(o => (o.PlanTaskId, GroupId: o.GroupId!.Value, o.GroupName))
            .Select(g =>
            {
                var task = tasks.First(t => t.Id == g.Key.PlanTaskId);
                return new GroupRollup(task.Id, task.Number, task.Title, g.Key.GroupId, g.Key.GroupName!,
                    Code(supervision.UnitOnTask(task.Id, g.Key.GroupId).Status),
                    g.Select(m =>
                    {
                        var report = latestReport.GetValueOrDefault((task.Id, m.UnitId));
                        return new MemberCell(m.UnitId, m.UnitName, Code(supervision.UnitOnTask(task.Id, m.UnitId).Status),
                            report?.Id, report is null ? null : ApiCode.Of(report.State));
                    }).ToList());
            }).ToList();

        var bars = targets.GroupBy(t => t.GroupName).Select(g => new TargetGroupPanel(g.Key, g.Select(t =>
        {
            var state = states[t.Id];
            var a = state.Assessment;
            return new TargetBar(t.Id, t.Metric, t.Text, t.Value, t.Measure, t.Qualifier, state.Latest, state.AsOf, a.ValueProgress, a.TimeProgress,
                Code(a.Status), a.Reason.ToString(), trendOf.GetValueOrDefault(t.Id) ?? []);
        }).ToList())).ToList();

        var span = TargetStates.Span(phases);
        var timeProgress = span is { } s ? TargetProgress.TimeProgress(s.Start, s.End, today) : 0m;
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.Meeting!.PlanId == planId)
            .Select(f => new { f.State, f.Deadline }).ToListAsync(ct);
        var headline = new Headline(
            targets.Count, CountBy(bars.SelectMany(g => g.Targets).Select(t => t.Status)),
            tasks.Count, CountBy(tasks.Select(t => Code(supervision.Tasks.GetValueOrDefault(t.Id)?.Status ?? Status.OnTrack))),
            due.Count, supervision.Overdue.Count, reports.Count(r => r.State == ReportState.Submitted),
            unanswered.Values.Sum(), states.Values.Sum(s => s.ReadingCount), followUps.Count, CountBy(followUps.Select(f => Code(FollowUpStatus.Of(f.State, f.Deadline, today)))));
        return new DashboardModel(planId, plan.Title, plan.DocumentNumber, today, timeProgress, span?.Start.FirstDay, span?.End.LastDay,
            headline, bars, league, units, matrix) { Groups = groupRows };
    }

    static string Code(Status status) => StatusText.Code(status);

    /// <summary>Every status present, in the order the legend shows them, zero where none has it.</summary>
    public static IReadOnlyDictionary<string, int> CountBy(IEnumerable<Status> statuses) => CountBy(statuses.Select(Code));

    static IReadOnlyDictionary<string, int> CountBy(IEnumerable<string> statuses)
    {
        var counts = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        return Enum.GetValues<Status>().Select(Code).ToDictionary(c => c, c => counts.GetValueOrDefault(c));
    }
}
