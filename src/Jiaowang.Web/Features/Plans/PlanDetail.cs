using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

public sealed record PlanSummary(int Id, string Title, string? DocumentNumber, DateOnly? IssuedOn, DateTimeOffset ImportedAt);

/// <summary>A plan with everything the overview shows; also the body of <c>GET /api/plans/{id}</c>.</summary>
public sealed record PlanDetail(
    int Id,
    string Title,
    string? DocumentNumber,
    DateOnly? IssuedOn,
    string SourceName,
    DateTimeOffset ImportedAt,
    IReadOnlyList<TargetItem> Targets,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyList<PhaseItem> Phases,
    IReadOnlyList<UnitRef> Units)
{
    /// <summary>
    /// <see cref="LoadAsync"/> kept until a write, per plan, day and language: the overview and <c>GET /api/plans/{id}</c>
    /// are what most people open, and signed-in readers (never output-cached) rebuilt it per request.
    /// </summary>
    public static Task<PlanDetail?> KeptAsync(JiaowangDb db, Shared.Reporting.SupervisionCache kept, int id, DateOnly today,
        IStringLocalizer<SharedResource> text, CancellationToken ct = default) =>
        kept.GetAsync(("plan-detail", id, today, System.Globalization.CultureInfo.CurrentUICulture.Name), () => LoadAsync(db, id, today, text, ct));

    /// <param name="today">The day statuses are judged on.</param>
    /// <param name="text">Writes each status reason in the reader's language.</param>
    public static async Task<PlanDetail?> LoadAsync(JiaowangDb db, int id, DateOnly today, IStringLocalizer<SharedResource> text, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.TargetGroups).ThenInclude(g => g.Targets)
            .Include(p => p.TaskGroups).ThenInclude(g => g.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Unit)
            .Include(p => p.Phases)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        var states = await TargetStates.ForPlanAsync(db, id, plan.Phases,
            plan.TargetGroups.SelectMany(g => g.Targets).Select(t => new TargetFigure(t.Id, t.Value, t.Qualifier)), today, ct);
        var detail = From(plan, states, text);
        // A task that names a group lists it with the members that report for it (all, or the ones named for the task).
        var owed = await Owing.ForPlanAsync(db, id, ct);
        if (!owed.Any(o => o.GroupId is not null)) return detail;
        var groupsByTask = plan.TaskGroups.SelectMany(g => g.Tasks).ToDictionary(t => t.Id, t => (IReadOnlyList<GroupItem>)t.Assignments
            .Where(a => UnitGroups.IsGroup(a.Unit!.Kind)).OrderBy(a => a.Role).ThenBy(a => a.Position)
            .Select(a => new GroupItem(a.UnitId, a.Unit!.Name, a.Unit.Kind == UnitKind.ChosenGroup ? "chosenGroup" : "group",
                owed.Where(o => o.PlanTaskId == t.Id && o.GroupId == a.UnitId).Select(o => new UnitRef(o.UnitId, o.UnitName)).ToList()))
            .ToList());
        return detail with { Tasks = detail.Tasks.Select(t => t with { Groups = groupsByTask.GetValueOrDefault(t.Id) ?? [] }).ToList() };
    }

    public static PlanDetail From(Plan plan, IReadOnlyDictionary<int, TargetState> states, IStringLocalizer<SharedResource> text)
    {
        var targets = plan.TargetGroups.OrderBy(g => g.Position)
            .SelectMany(g => g.Targets.OrderBy(t => t.Position).Select(t =>
                TargetItem.From(t, g, states[t.Id], text)))
            .ToList();
        var tasks = plan.TaskGroups.OrderBy(g => g.Position)
            .SelectMany(g => g.Tasks.OrderBy(t => t.Number).Select(t => TaskItem.From(t, g)))
            .ToList();
        var units = tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits))
            .Select(u => new UnitRef(u.Id, u.Name)).Distinct().ToList();
        var phases = plan.Phases.OrderBy(p => p.Position)
            .Select(p => new PhaseItem(p.Name, YearMonth.From(p.StartMonth).ToString(), YearMonth.From(p.EndMonth).ToString(), p.Description))
            .ToList();
        return new PlanDetail(plan.Id, plan.Title, plan.DocumentNumber, plan.IssuedOn, plan.SourceName, plan.ImportedAt, targets, tasks, phases, units);
    }
}

/// <param name="Current">The latest reported value, in the target's unit; null until someone reports one, or for anonymous readers when the office does not publish values.</param>
/// <param name="Status">onTrack, atRisk, behind or done (docs/STATUS-RULES.md); null for anonymous readers when the office does not publish statuses.</param>
/// <param name="StatusReason">Why, in the reader's language, with value and time progress; null when statuses or values are not published.</param>
/// <param name="Source">"manual" (people report readings) or "registry" (counted from the partner/event registry).</param>
/// <param name="Binding">What a registry target counts (ActivePartners …), null for manual targets.</param>
public sealed record TargetItem(
    int Id,
    string Group,
    string Text,
    string Metric,
    decimal Value,
    string Unit,
    string? Qualifier,
    decimal NormalizedValue,
    decimal? Current,
    DateOnly? CurrentAsOf,
    string? Status,
    string? StatusReason,
    string Source = "manual",
    string? Binding = null)
{
    public static TargetItem From(Target t, TargetGroup g, TargetState state, IStringLocalizer<SharedResource> text) =>
        new(t.Id, g.Name, t.Text, t.Metric, t.Value, t.Measure, t.Qualifier, t.NormalizedValue,
            state.Latest, state.AsOf, StatusText.Code(state.Assessment.Status), StatusText.Reason(text, state.Assessment),
            t.Binding is null ? "manual" : "registry", t.Binding?.ToString());
}

public sealed record TaskItem(
    int Id,
    int Number,
    string GroupNumber,
    string Group,
    string Title,
    string Text,
    IReadOnlyList<UnitRef> LeadUnits,
    IReadOnlyList<UnitRef> CoUnits)
{
    /// <summary>The groups among the task's units (各区人民政府), each with the members that report for it.</summary>
    public IReadOnlyList<GroupItem> Groups { get; init; } = [];

    public static TaskItem From(PlanTask task, TaskGroup group)
    {
        var ordered = task.Assignments.OrderBy(a => a.Position).ToList();
        UnitRef Ref(Assignment a) => new(a.UnitId, a.Unit!.Name);
        return new TaskItem(task.Id, task.Number, group.Number, group.Title, task.Title, task.Text,
            ordered.Where(a => a.Role == AssignmentRole.Lead).Select(Ref).ToList(),
            ordered.Where(a => a.Role == AssignmentRole.Co).Select(Ref).ToList());
    }
}

/// <summary>A phase with its months as 2026-04.</summary>
public sealed record PhaseItem(string Name, string Start, string End, string Description);

public sealed record UnitRef(int Id, string Name);

/// <param name="Kind">group (every member reports) or chosenGroup (the members the office named for the task report).</param>
/// <param name="Members">The members that report on the task; empty while a group has none, and then it reports for itself.</param>
public sealed record GroupItem(int Id, string Name, string Kind, IReadOnlyList<UnitRef> Members);
