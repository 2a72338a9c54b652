using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

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
    public static async Task<PlanDetail?> LoadAsync(JiaowangDb db, int id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.TargetGroups).ThenInclude(g => g.Targets)
            .Include(p => p.TaskGroups).ThenInclude(g => g.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Unit)
            .Include(p => p.Phases)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? null : From(plan);
    }

    public static PlanDetail From(Plan plan)
    {
        var targets = plan.TargetGroups.OrderBy(g => g.Position)
            .SelectMany(g => g.Targets.OrderBy(t => t.Position).Select(t =>
                new TargetItem(t.Id, g.Name, t.Text, t.Metric, t.Value, t.Measure, t.Qualifier, t.NormalizedValue)))
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

public sealed record TargetItem(int Id, string Group, string Text, string Metric, decimal Value, string Unit, string? Qualifier, decimal NormalizedValue);

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
