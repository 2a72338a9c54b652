using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>A report that is owed and past its deadline (逾期未报).</summary>
/// <param name="State">The report's state when one was started (draft, returned), null when nothing was written.</param>
public sealed record OverdueItem(int UnitId, string UnitName, int PeriodId, string PeriodKind, DateOnly PeriodStart, DateOnly Deadline,
    int? TaskId, int? TaskNumber, string? TaskTitle, int DaysLate, string? State);

/// <summary>
/// Where a plan's reporting stands today: each task's status from the reports its units owe (docs/STATUS-RULES.md)
/// and the list of overdue reports.
/// </summary>
/// <param name="Outstanding">For any period of the plan: the reports still owed (not submitted or accepted), late or not.</param>
public sealed record SupervisionState(IReadOnlyDictionary<int, TaskAssessment> Tasks, IReadOnlyList<OverdueItem> Overdue,
    IReadOnlyList<ReportingPeriod> PlanPeriods, Func<ReportingPeriod, IReadOnlyList<OverdueItem>> Outstanding)
{
    /// <summary>One unit's part of a task judged alone, by the same rules as the task (the dashboard's task × unit matrix).</summary>
    public Func<int, int, TaskAssessment> UnitOnTask { get; init; } = (_, _) => new TaskAssessment(Status.OnTrack, TaskReason.NotStarted, 0, 0);

    /// <summary>Who owes each task of the plan, groups expanded into their members (<see cref="Owing"/>).</summary>
    public IReadOnlyList<OwedTask> Owed { get; init; } = [];

    /// <summary>Each unit's due dates, with the extensions the office approved (<see cref="DueDates"/>).</summary>
    public DueDates Due { get; init; } = DueDates.None;

    public static async Task<SupervisionState> LoadAsync(JiaowangDb db, int planId, DateOnly today, ReportingOptions options, CancellationToken ct = default)
    {
        var periods = await Periods.ForPlanAsync(db, planId, options, ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var assignments = await Owing.ForPlanAsync(db, planId, ct);
        var reports = (await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
                .Select(r => new { r.PeriodId, r.TaskId, r.UnitId, r.State }).ToListAsync(ct))
            .ToDictionary(r => (r.PeriodId, r.TaskId, r.UnitId), r => r.State);
        // A unit's approved extension moves its due date only (DueDates).
        var due = await DueDates.LoadAsync(db, periodIds, ct);
        return Judge(periods, assignments, reports, due, today);
    }

    /// <summary>
    /// The states of several plans in a fixed number of queries, whatever their count (the portfolio, the overdue list
    /// across plans): 300 plans read one by one were 300 × a handful of queries (docs/PERFORMANCE.md, "Scale").
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, SupervisionState>> LoadManyAsync(JiaowangDb db, IReadOnlyCollection<int> planIds, DateOnly today,
        ReportingOptions options, CancellationToken ct = default)
    {
        if (planIds.Count == 0) return new Dictionary<int, SupervisionState>();
        var periods = await Periods.ForPlansAsync(db, planIds, options, ct);
        var owed = (await Owing.ForPlansAsync(db, planIds, ct)).ToLookup(o => o.PlanId);
        // Filtered through the period's plan, not by the periods' ids: a few plans' ids, not thousands of periods'.
        var reports = (await db.Reports.AsNoTracking().Where(r => planIds.Contains(r.Period!.PlanId))
                .Select(r => new { r.PeriodId, r.TaskId, r.UnitId, r.State }).ToListAsync(ct))
            .ToDictionary(r => (r.PeriodId, r.TaskId, r.UnitId), r => r.State);
        var due = await DueDates.LoadForPlansAsync(db, planIds, ct);
        return planIds.Distinct().ToDictionary(id => id, id => Judge(periods.GetValueOrDefault(id) ?? [], owed[id].ToList(), reports, due, today));
    }

    /// <summary>Every plan's state, by plan id: the views across plans (the overdue list, reminders, the notification sweep).</summary>
    public static async Task<IReadOnlyDictionary<int, SupervisionState>> LoadEveryPlanAsync(JiaowangDb db, DateOnly today, ReportingOptions options,
        CancellationToken ct = default) =>
        await LoadManyAsync(db, await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct), today, options, ct);

    /// <summary>The statuses and the overdue list from what was read; <paramref name="reports"/> and <paramref name="due"/>
    /// may hold other plans' periods too, as they are looked up by period.</summary>
    static SupervisionState Judge(List<ReportingPeriod> periods, List<OwedTask> assignments,
        Dictionary<(int PeriodId, int? TaskId, int UnitId), ReportState> reports, DueDates due, DateOnly today)
    {
        ReportState? StateOf(int period, int? task, int unit) => reports.TryGetValue((period, task, unit), out var s) ? s : null;
        var monthly = periods.Where(p => p.Kind == PeriodKind.Monthly).ToList();
        var finals = periods.Where(p => p.Kind == PeriodKind.FinalSummary).ToList();
        IEnumerable<ExpectedReport> Expected(int taskId, int unitId) =>
            monthly.Select(p => new ExpectedReport(p.Kind, p.Start, due.Of(p, taskId, unitId), StateOf(p.Id, taskId, unitId)))
                .Concat(finals.Select(p => new ExpectedReport(p.Kind, p.Start, due.Of(p, null, unitId), StateOf(p.Id, null, unitId))));
        var tasks = assignments.GroupBy(a => a.PlanTaskId).ToDictionary(g => g.Key, g =>
            TaskProgress.Assess(g.SelectMany(a => Expected(a.PlanTaskId, a.UnitId)).ToList(), today));

        IReadOnlyList<OverdueItem> Outstanding(ReportingPeriod period)
        {
            var list = new List<OverdueItem>();
            foreach (var (taskId, a) in period.Owed(assignments, a => a.PlanTaskId, a => a.UnitId))
            {
                var state = StateOf(period.Id, taskId, a.UnitId);
                if (state is ReportState.Submitted or ReportState.Accepted) continue;
                var deadline = due.Of(period, taskId, a.UnitId);
                list.Add(new OverdueItem(a.UnitId, a.UnitName, period.Id, Periods.KindCode(period.Kind), period.Start, deadline,
                    taskId, taskId is null ? null : a.Number, taskId is null ? null : a.Title,
                    today.DayNumber - deadline.DayNumber, state is { } s ? ApiCode.Of(s) : null));
            }
            return list;
        }
        var overdue = periods.Where(p => p.IsOpen(today)).SelectMany(Outstanding).Where(o => today > o.Deadline);
        return new SupervisionState(tasks, overdue.OrderBy(o => o.Deadline).ThenBy(o => o.UnitName).ThenBy(o => o.TaskNumber).ToList(), periods, Outstanding)
        {
            // A group's part is its members' parts judged together, by the same rules as a task.
            UnitOnTask = (taskId, unitId) => TaskProgress.Assess(assignments
                .Where(a => a.PlanTaskId == taskId && (a.UnitId == unitId || a.GroupId == unitId))
                .SelectMany(a => Expected(taskId, a.UnitId)).ToList(), today),
            Owed = assignments,
            Due = due,
        };
    }
}
