using Jiaowang.Core.Plans;
using Jiaowang.Core.Spreadsheets;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Spreadsheets;

/// <summary>The plan's targets in sheet order: numbered 1, 2, 3 … by group then position, as the readings sheet names them.</summary>
public sealed record PlanTargets(string Title, IReadOnlyList<SheetTarget> Targets, DateOnly SpanStart, DateOnly SpanEnd);

/// <summary>Gathers what the plan export and the readings template hold, from the database, in the reader's language.</summary>
public sealed class PlanExport(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options,
    IStringLocalizer<SharedResource> shared, IStringLocalizer<ReportsText> reports)
{
    /// <summary>The plan's targets as the sheets number them, and its span; null when the plan does not exist.</summary>
    public static async Task<PlanTargets?> TargetsAsync(JiaowangDb db, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position)
            .Select(t => new { t.Id, t.Metric, t.Measure, t.Text, t.Kind, Bound = t.Binding != null }).ToListAsync(ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        // A plan without phases has no span to check against: any date up to today is accepted.
        var (start, end) = TargetStates.Span(phases) is { } span ? (span.Start.FirstDay, span.End.LastDay) : (DateOnly.MinValue, DateOnly.MaxValue);
        return new PlanTargets(plan.Title, targets.Select((t, i) => new SheetTarget(t.Id, i + 1, t.Metric, t.Measure, t.Bound,
            (t.Kind ?? Jiaowang.Core.Progress.TargetKinds.Infer(t.Text).Kind) == Jiaowang.Core.Progress.TargetKind.Growth)).ToList(), start, end);
    }

    /// <summary>The reading that counts for each (target, date): the last one recorded, since a correction is a new row.</summary>
    public static async Task<List<Reading>> CurrentReadingsAsync(JiaowangDb db, int planId, CancellationToken ct = default)
    {
        var all = await db.Readings.AsNoTracking().Where(r => r.Target!.Group!.PlanId == planId).ToListAsync(ct);
        return all.GroupBy(r => (r.TargetId, r.AsOf)).Select(g => g.MaxBy(r => r.Id)!).ToList();
    }

    public async Task<byte[]?> WorkbookAsync(int planId, CancellationToken ct = default)
    {
        if (await TargetsAsync(db, planId, ct) is not { } plan) return null;
        var today = clock.Today();
        var numbers = plan.Targets.ToDictionary(t => t.Id);

        var targetRows = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Select(t => new { t.Id, Group = t.Group!.Name, t.Text, t.Value, t.Qualifier }).ToDictionaryAsync(t => t.Id, ct);
        var states = await TargetStates.ForPlanAsync(db, planId, today, ct);
        var targets = plan.Targets.Select(t =>
        {
            var row = targetRows[t.Id];
            var state = states[t.Id];
            return new TargetLine(row.Group, t.Number, t.Name, row.Text, row.Value, t.Measure, row.Qualifier, state.Latest, state.AsOf,
                state.Assessment.ValueProgress, state.Assessment.TimeProgress, StatusText.Name(shared, state.Assessment.Status),
                t.FromRegistry ? "登记统计 registry" : "人工填报 manual");
        }).ToList();

        var readings = (await CurrentReadingsAsync(db, planId, ct))
            .Select(r => new ReadingLine(numbers[r.TargetId], r.AsOf, r.Value, r.Origin == ReadingOrigin.Registry ? "registry" : "manual", r.RecordedBy, r.Source))
            .ToList();

        var supervision = await SupervisionState.LoadAsync(db, planId, today, options.Value, ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Include(t => t.Group).Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Number).AsSplitQuery().ToListAsync(ct);
        var taskLines = tasks.Select(t =>
        {
            var ordered = t.Assignments.OrderBy(a => a.Position).ToList();
            var status = supervision.Tasks.TryGetValue(t.Id, out var a) ? StatusText.Name(shared, a.Status) : "";
            return new TaskLine($"({t.Group!.Number}) {t.Group.Title}", t.Number, t.Title, t.Text,
                ordered.Where(x => x.Role == AssignmentRole.Lead).Select(x => x.Unit!.Name).ToList(),
                ordered.Where(x => x.Role == AssignmentRole.Co).Select(x => x.Unit!.Name).ToList(), status);
        }).ToList();

        var periods = supervision.PlanPeriods.ToDictionary(p => p.Id);
        var periodIds = periods.Keys.ToList();
        var reportRows = await db.Reports.AsNoTracking().Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new
            {
                r.PeriodId, r.TaskId, r.UnitId, r.State, r.SubmittedAt, r.ReviewedBy,
                Returns = r.Versions.Count(v => v.Action == "return"),
            }).ToListAsync(ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var taskNames = tasks.ToDictionary(t => t.Id, t => $"{t.Number}. {t.Title}");
        var reportLines = reportRows
            .Select(r => (Row: r, Period: periods[r.PeriodId]))
            .OrderBy(x => x.Period.Deadline).ThenBy(x => x.Row.TaskId is { } id ? tasks.FindIndex(t => t.Id == id) : -1).ThenBy(x => unitNames[x.Row.UnitId])
            .Select(x => new ReportLine(
                $"{x.Period.Start:yyyy-MM} {reports["Kind." + Periods.KindCode(x.Period.Kind)]}", x.Period.Deadline,
                x.Row.TaskId is { } id ? taskNames.GetValueOrDefault(id) : null, unitNames[x.Row.UnitId], reports["State." + x.Row.State],
                Local(x.Row.SubmittedAt), Local(x.Row.SubmittedAt) is { } at ? DateOnly.FromDateTime(at) <= x.Period.Deadline : null,
                x.Row.Returns, x.Row.ReviewedBy))
            .ToList();

        var liaisonRole = await db.Roles.Where(r => r.Name == Roles.Liaison).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var liaisons = await db.Users.AsNoTracking().Where(u => u.UnitId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == liaisonRole))
            .Select(u => new { UnitId = u.UnitId!.Value, u.UserName, u.DisplayName, u.Email, u.PhoneNumber }).ToListAsync(ct);
        // The units that report: a group's members in its place, each with its own liaisons.
        var units = supervision.Owed.GroupBy(a => a.UnitId)
            .Select(g => new UnitLine(unitNames[g.Key],
                g.Where(a => a.Role == AssignmentRole.Lead).Select(a => tasks.First(t => t.Id == a.PlanTaskId).Number).Order().ToList(),
                g.Where(a => a.Role == AssignmentRole.Co).Select(a => tasks.First(t => t.Id == a.PlanTaskId).Number).Order().ToList(),
                liaisons.Where(l => l.UnitId == g.Key).OrderBy(l => l.UserName)
                    .Select(l => new LiaisonContact(l.DisplayName ?? l.UserName ?? "", l.Email, l.PhoneNumber)).ToList()))
            .OrderByDescending(u => u.LeadTasks.Count).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

        return PlanWorkbook.Write(new PlanWorkbookData(plan.Title, targets, readings, taskLines, reportLines, units));
    }

    /// <summary>An instant as the office's wall clock shows it (the same zone as "today", see Shared/Clock.cs).</summary>
    DateTime? Local(DateTimeOffset? at) => at is { } instant ? TimeZoneInfo.ConvertTime(instant, clock.LocalTimeZone).DateTime : null;

    public async Task<byte[]?> TemplateAsync(int planId, CancellationToken ct = default) =>
        await TargetsAsync(db, planId, ct) is { } plan ? PlanWorkbook.Template(plan.Title, plan.Targets, plan.SpanStart, plan.SpanEnd) : null;
}
