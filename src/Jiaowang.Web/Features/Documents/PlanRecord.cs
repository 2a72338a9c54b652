using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Documents;

/// <summary>A unit's part in a task, in the plan's order: lead units (牵头) first, then co-units (配合).</summary>
/// <param name="GroupName">The group the unit reports for (各区人民政府), which the documents print before its name.</param>
public sealed record UnitPart(int UnitId, string Name, AssignmentRole Role, string? GroupName = null);

public sealed record TaskPart(int Id, int Number, string Title, IReadOnlyList<UnitPart> Units);

/// <summary>A task group as the plan numbers it: 一, 二, 三.</summary>
public sealed record GroupPart(string Number, string Title, IReadOnlyList<TaskPart> Tasks);

/// <summary>A report the office accepted, with the day it did (local time).</summary>
public sealed record AcceptedReport(int Id, int? TaskId, int UnitId, PeriodKind Kind, DateOnly PeriodStart, DateOnly AcceptedOn, string Text);

/// <param name="Rule">How the target is judged, read as the dashboard reads it (<see cref="TargetStates.RulesAsync"/>).</param>
public sealed record TargetPart(int Id, string Group, string Metric, string Text, decimal Value, string Measure, string? Qualifier,
    IReadOnlyList<(DateOnly AsOf, int Id, decimal Value)> Readings, TargetRule Rule)
{
    /// <summary>The latest reading on or before <paramref name="day"/>.</summary>
    public decimal? ValueOn(DateOnly day) =>
        Readings.Where(r => r.AsOf <= day).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).Select(r => (decimal?)r.Value).FirstOrDefault();
}

/// <summary>A report that was owed by a deadline: when it was first sent, if it was.</summary>
public sealed record OwedReport(int PeriodId, PeriodKind Kind, DateOnly Deadline, int? TaskId, int UnitId, string UnitName, DateOnly? FirstSubmitted)
{
    /// <summary>逾期: not sent by the deadline (sent late, or not at all by <paramref name="today"/>).</summary>
    public bool LateOn(DateOnly today) => Deadline < today && (FirstSubmitted is not { } sent || sent > Deadline);
}

/// <summary>
/// Everything the bulletin and the summary print about one plan, read in a handful of queries: its task groups with units
/// in order, accepted reports, targets with readings, what was owed and when it came, and the returns.
/// </summary>
public sealed record PlanRecord(int PlanId, string Title, string? DocumentNumber, IReadOnlyList<GroupPart> Groups,
    IReadOnlyList<AcceptedReport> Accepted, IReadOnlyList<TargetPart> Targets, (Jiaowang.Core.Documents.YearMonth Start, Jiaowang.Core.Documents.YearMonth End)? Span,
    IReadOnlyList<OwedReport> Owed, IReadOnlyList<DateOnly> Returns)
{
    public static async Task<PlanRecord?> LoadAsync(JiaowangDb db, int planId, TimeZoneInfo zone, ReportingOptions options, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.DocumentNumber }).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        var groups = await db.TaskGroups.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Position)
            .Select(g => new { g.Number, g.Title, Tasks = g.Tasks.OrderBy(t => t.Number).Select(t => new { t.Id, t.Number, t.Title }).ToList() })
            .ToListAsync(ct);
        // A group's members stand in its place, each with its own report, listed under the group's name.
        var assignments = await Owing.ForPlanAsync(db, planId, ct);
        var byTask = assignments.GroupBy(a => a.PlanTaskId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<UnitPart>)g.OrderBy(a => a.Role).Select(a => new UnitPart(a.UnitId, a.UnitName, a.Role, a.GroupName)).ToList());
        var groupParts = groups.Select(g => new GroupPart(g.Number, g.Title,
            g.Tasks.Select(t => new TaskPart(t.Id, t.Number, t.Title, byTask.GetValueOrDefault(t.Id) ?? [])).ToList())).ToList();

        var periods = await Periods.ForPlanAsync(db, planId, options, ct);
        var periodById = periods.ToDictionary(p => p.Id);
        var periodIds = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new { r.Id, r.PeriodId, r.TaskId, r.UnitId, r.State, r.Text }).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var steps = await db.ReportVersions.AsNoTracking()
            .Where(v => reportIds.Contains(v.ReportId) && (v.Action == "accept" || v.Action == "submit" || v.Action == "return"))
            .Select(v => new { v.ReportId, v.Action, v.At }).ToListAsync(ct);
        var accepts = steps.Where(s => s.Action == "accept").GroupBy(s => s.ReportId).ToDictionary(g => g.Key, g => Local(g.Max(s => s.At)));
        var firstSubmits = steps.Where(s => s.Action == "submit").GroupBy(s => s.ReportId).ToDictionary(g => g.Key, g => Local(g.Min(s => s.At)));

        var accepted = reports.Where(r => r.State == ReportState.Accepted && accepts.ContainsKey(r.Id))
            .Select(r => new AcceptedReport(r.Id, r.TaskId, r.UnitId, periodById[r.PeriodId].Kind, periodById[r.PeriodId].Start, accepts[r.Id], r.Text))
            .ToList();

        var reportByKey = reports.ToDictionary(r => (r.PeriodId, r.TaskId, r.UnitId), r => r.Id);
        var owed = periods.SelectMany(period => period.Owed(assignments, a => a.PlanTaskId, a => a.UnitId)
            .Select(e => new OwedReport(period.Id, period.Kind, period.Deadline, e.TaskId, e.Assignment.UnitId, e.Assignment.UnitName,
                reportByKey.TryGetValue((period.Id, e.TaskId, e.Assignment.UnitId), out var id) && firstSubmits.TryGetValue(id, out var sent) ? sent : null)))
            .ToList();

        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position)
            .Select(t => new { t.Id, Group = t.Group!.Name, t.Metric, t.Text, t.Value, t.Measure, t.Qualifier }).ToListAsync(ct);
        var readings = (await db.Readings.AsNoTracking().Where(r => r.Target!.Group!.PlanId == planId)
            .Select(r => new { r.TargetId, r.AsOf, r.Id, r.Value }).ToListAsync(ct)).ToLookup(r => r.TargetId);
        var rules = await TargetStates.RulesAsync(db, planId, ct);
        var targetParts = targets.Select(t => new TargetPart(t.Id, t.Group, t.Metric, t.Text, t.Value, t.Measure, t.Qualifier,
            readings[t.Id].Select(r => (r.AsOf, r.Id, r.Value)).ToList(), rules.GetValueOrDefault(t.Id) ?? TargetRule.Unknown)).ToList();

        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        return new PlanRecord(planId, plan.Title, plan.DocumentNumber, groupParts, accepted, targetParts, TargetStates.Span(phases), owed,
            steps.Where(s => s.Action == "return").Select(s => Local(s.At)).ToList());
    }

    /// <summary>
    /// A target's status on a day: its latest value then, judged by its kind, baseline and direction against the time
    /// progress then — the dashboard's rule (<see cref="TargetRule.Assess"/>), so the documents never disagree with it.
    /// </summary>
    public StatusAssessment Assess(TargetPart target, DateOnly day) =>
        target.Rule.Assess(target.Value, target.Qualifier, target.ValueOn(day), Span, day);

    /// <summary>The name of what the plan is about, without 工作方案: 市政协十四届五次会议3号建议案办理.</summary>
    public string Subject
    {
        get
        {
            foreach (var ending in new[] { "工作方案", "实施方案", "方案" })
            {
                if (Title.EndsWith(ending, StringComparison.Ordinal)) return Title[..^ending.Length];
            }
            return Title;
        }
    }
}
