using Jiaowang.Core.Documents;
using Jiaowang.Core.Network;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Demo;

/// <summary>
/// What the generator needs of a plan, read once and put in the document's order (task groups, tasks, units as each
/// task lists them), so that the generated data never depends on the order rows come back from the database.
/// </summary>
sealed class PlanShape
{
    public sealed record UnitInfo(int Id, string Name, int Order)
    {
        /// <summary>The demo liaison of the unit: demo-liaison-{unit id}, unique across plans, since units are shared.</summary>
        public string Liaison => $"{Jiaowang.Core.Demo.DemoRun.UserPrefix}liaison-{Id:00}";
    }

    public sealed record TaskInfo(int Id, int Number, string Title, string Text, int Order, IReadOnlyList<(UnitInfo Unit, bool Lead)> Units)
    {
        public IReadOnlyList<string> Clauses { get; } = DemoTexts.Clauses(Text, Title);
    }

    public sealed record TargetInfo(int Id, int Group, int Position, string Text, string Metric, decimal Value, string Measure, RegistryBinding? Binding)
    {
        /// <summary>How the platform judges the target (kind, baseline, direction), read as the dashboard reads it.</summary>
        public TargetRule Rule { get; init; } = TargetRule.Unknown;
    }

    public required IReadOnlyList<TaskInfo> Tasks { get; init; }
    public required IReadOnlyList<UnitInfo> Units { get; init; }
    public required IReadOnlyList<TargetInfo> Targets { get; init; }
    public required IReadOnlyList<Phase> Phases { get; init; }
    public (YearMonth Start, YearMonth End)? Span => TargetStates.Span(Phases.ToList());

    /// <summary>A phase's name without its closing 阶段, so that labels can add their own: 动员部署阶段性总结.</summary>
    public string PhaseName(int position)
    {
        var name = Phases.FirstOrDefault(p => p.Position == position)?.Name ?? "";
        return name.EndsWith("阶段", StringComparison.Ordinal) ? name[..^2] : name;
    }

    public static async Task<PlanShape> LoadAsync(JiaowangDb db, int planId, CancellationToken ct)
    {
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Select(t => new { t.Id, t.Number, t.Title, t.Text, GroupPosition = t.Group!.Position })
            .ToListAsync(ct);
        // The units that report: a group's members in its place (Shared/Reporting/Owing), as the pages count them.
        var owed = (await Owing.ForPlanAsync(db, planId, ct)).ToLookup(o => o.PlanTaskId);
        var ordered = tasks.OrderBy(t => t.GroupPosition).ThenBy(t => t.Number).ThenBy(t => t.Id).ToList();
        var units = new Dictionary<int, UnitInfo>();
        var taskInfos = new List<TaskInfo>();
        foreach (var task in ordered)
        {
            var parts = new List<(UnitInfo, bool)>();
            // The lead units first, then the co-units, each in the order the document names them.
            foreach (var a in owed[task.Id].OrderBy(a => a.Role))
            {
                if (!units.TryGetValue(a.UnitId, out var unit)) units[a.UnitId] = unit = new UnitInfo(a.UnitId, a.UnitName, units.Count);
                parts.Add((unit, a.Role == AssignmentRole.Lead));
            }
            // A task without a lead unit (a document that names none) is reported by its first unit as if it led.
            if (parts.Count > 0 && !parts.Any(p => p.Item2)) parts[0] = (parts[0].Item1, true);
            if (parts.Count > 0) taskInfos.Add(new TaskInfo(task.Id, task.Number, task.Title, task.Text, taskInfos.Count, parts));
        }
        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new TargetInfo(t.Id, t.Group!.Position, t.Position, t.Text, t.Metric, t.Value, t.Measure, t.Binding))
            .ToListAsync(ct);
        var rules = await TargetStates.RulesAsync(db, planId, ct);
        targets = targets.Select(t => t with { Rule = rules.GetValueOrDefault(t.Id) ?? TargetRule.Unknown }).ToList();
        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Position).ToListAsync(ct);
        return new PlanShape { Tasks = taskInfos, Units = units.Values.OrderBy(u => u.Order).ToList(), Targets = targets, Phases = phases };
    }
}
