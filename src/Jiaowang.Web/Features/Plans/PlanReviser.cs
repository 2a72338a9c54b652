using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Plans;

public enum PlanRevisionStatus { Previewed, Applied, NoChange, NotFound, Refused }

public sealed record PlanRevisionOutcome(PlanRevisionStatus Status, int PlanId, string? Title, PlanRevisionDiff? Diff, RevisionRefusal? Refusal = null);

/// <summary>
/// Applies a revised plan document (修订稿) to a stored plan in place (docs/plan-parser.md, "Revisions"): matched
/// targets, tasks and phases keep their ids — and so every report, reading and instruction attached to them — and take
/// the revised text; new ones are added; removed ones are archived, not deleted. One transaction: all or nothing.
/// </summary>
public sealed class PlanReviser(JiaowangDb db, TimeProvider clock)
{
    public async Task<PlanRevisionOutcome> ReviseAsync(int planId, ParsedPlan revised, string sourceName, string sourceText, string by,
        bool apply, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var plan = await LoadAsync(planId, ct);
            if (plan is null) return new PlanRevisionOutcome(PlanRevisionStatus.NotFound, planId, null, null);
            if (PlanRevisions.Check(plan, revised) is { } refusal)
                return new PlanRevisionOutcome(PlanRevisionStatus.Refused, plan.Id, plan.Title, null, refusal);
            var diff = PlanRevisions.Diff(plan, revised);
            if (!apply) return new PlanRevisionOutcome(PlanRevisionStatus.Previewed, plan.Id, plan.Title, diff);
            if (diff.IsEmpty) return new PlanRevisionOutcome(PlanRevisionStatus.NoChange, plan.Id, plan.Title, diff);

            var now = clock.GetUtcNow();
            await ApplyAsync(plan, revised, diff, now, ct);
            plan.Title = string.IsNullOrWhiteSpace(revised.Title) ? plan.Title : revised.Title;
            plan.DocumentNumber = revised.DocumentNumber ?? plan.DocumentNumber;
            plan.IssuedOn = revised.IssuedOn ?? plan.IssuedOn;
            plan.SourceName = sourceName;
            plan.SourceHash = PlanBuilder.Fingerprint(sourceText);
            db.PlanRevisions.Add(new PlanRevision
            {
                PlanId = plan.Id, AppliedAt = now, AppliedBy = by, SourceName = sourceName, SourceHash = plan.SourceHash,
                Summary = diff.Summary(),
                Changes = string.Join('\n', diff.Changes.Select(c => $"{c.Part} {c.Change} {c.Key}")),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PlanRevisionOutcome(PlanRevisionStatus.Applied, plan.Id, plan.Title, diff);
        });
    }

    /// <summary>
    /// The stored plan a document revises, when it names one: the same document number, or the same title when it has
    /// none. Null for a document stored already as it is (nothing to revise) or one no stored plan matches.
    /// </summary>
    public async Task<int?> FindRevisedPlanAsync(ParsedPlan parsed, string sourceText, CancellationToken ct = default)
    {
        var hash = PlanBuilder.Fingerprint(sourceText);
        if (await db.Plans.AnyAsync(p => p.SourceHash == hash, ct)) return null;
        var match = parsed.DocumentNumber is { } number
            ? await db.Plans.Where(p => p.DocumentNumber == number).OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            : await db.Plans.Where(p => p.DocumentNumber == null && p.Title == parsed.Title).OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return match;
    }

    Task<Plan?> LoadAsync(int planId, CancellationToken ct) =>
        db.Plans
            .Include(p => p.TargetGroups).ThenInclude(g => g.Targets)
            .Include(p => p.TaskGroups).ThenInclude(g => g.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Unit)
            .Include(p => p.TaskGroups).ThenInclude(g => g.Tasks).ThenInclude(t => t.Measures)
            .Include(p => p.Phases)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, ct);

    async Task ApplyAsync(Plan plan, ParsedPlan revised, PlanRevisionDiff diff, DateTimeOffset now, CancellationToken ct)
    {
        var byId = (RevisionPart part) => diff.Items.Where(i => i.Part == part && i.RevisedIndex is not null)
            .ToDictionary(i => i.RevisedIndex!.Value, i => i.ExistingId);
        var removed = (RevisionPart part) => diff.Items.Where(i => i.Part == part && i.Change == RevisionChange.Removed)
            .Select(i => i.ExistingId!.Value).ToHashSet();

        // Targets: each revised target goes to its group (found by name, or new), in the document's order.
        var targets = plan.TargetGroups.SelectMany(g => g.Targets).ToDictionary(t => t.Id);
        var targetIds = byId(RevisionPart.Target);
        var groupPositions = revised.Targets.Select(t => t.Group).Distinct().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        foreach (var (parsed, index) in revised.Targets.Select((t, i) => (t, i)))
        {
            var group = plan.TargetGroups.FirstOrDefault(g => g.Name == parsed.Group);
            if (group is null) plan.TargetGroups.Add(group = new TargetGroup { Name = parsed.Group });
            group.Position = groupPositions[parsed.Group];
            var target = targetIds[index] is { } id ? targets[id] : null;
            if (target is null)
            {
                target = new Target { Text = parsed.Text, Metric = parsed.Metric, Measure = parsed.Unit, Kind = parsed.Kind, Baseline = parsed.Baseline, BaseYear = parsed.BaseYear, Decline = parsed.Decline };
                group.Targets.Add(target);
            }
            else if (target.TargetGroupId != group.Id || group.Id == 0)
            {
                target.Group = group;
            }
            // Kind, direction, baseline, binding and time profile are the office's confirmations: a revision keeps them.
            target.Text = parsed.Text; target.Metric = parsed.Metric; target.Value = parsed.Value; target.Measure = parsed.Unit;
            target.Qualifier = parsed.Qualifier; target.NormalizedValue = parsed.NormalizedValue; target.Position = index;
        }
        foreach (var id in removed(RevisionPart.Target)) targets[id].ArchivedAt = now;

        // Tasks: likewise into their groups (by number and title), with the revised units and measures.
        var names = revised.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits)).Distinct().ToList();
        var known = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, ct);
        Unit UnitNamed(string name) => known.TryGetValue(name, out var u) ? u
            : known[name] = db.Units.Add(new Unit { Name = name, Kind = UnitGroups.KindOf(name) }).Entity;
        var tasks = plan.TaskGroups.SelectMany(g => g.Tasks).ToDictionary(t => t.Id);
        var taskIds = byId(RevisionPart.Task);
        var taskGroupPositions = revised.Tasks.Select(t => (t.GroupNumber, t.Group)).Distinct().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        foreach (var (parsed, index) in revised.Tasks.Select((t, i) => (t, i)))
        {
            var group = plan.TaskGroups.FirstOrDefault(g => g.Number == parsed.GroupNumber && g.Title == parsed.Group)
                ?? plan.TaskGroups.FirstOrDefault(g => g.Number == parsed.GroupNumber && PlanRevisions.Similarity(g.Title, parsed.Group) >= PlanRevisions.SameNumberTitle);
            if (group is null) plan.TaskGroups.Add(group = new TaskGroup { Number = parsed.GroupNumber, Title = parsed.Group });
            group.Title = parsed.Group;
            group.Position = taskGroupPositions[(parsed.GroupNumber, parsed.Group)];
            var task = taskIds[index] is { } id ? tasks[id] : null;
            if (task is null) group.Tasks.Add(task = new PlanTask { Title = parsed.Title, Text = parsed.Text });
            else if (task.TaskGroupId != group.Id || group.Id == 0) task.Group = group;
            task.Number = parsed.Number; task.Title = parsed.Title; task.Text = parsed.Text;
            SetUnits(task, parsed, UnitNamed);
            SetMeasures(task, parsed);
        }
        var gone = removed(RevisionPart.Task);
        foreach (var id in gone) tasks[id].ArchivedAt = now;

        // Phases: by name; their months and description as revised.
        var phases = plan.Phases.ToDictionary(p => p.Id);
        var phaseIds = byId(RevisionPart.Phase);
        foreach (var (parsed, index) in revised.Phases.Select((p, i) => (p, i)))
        {
            var phase = phaseIds[index] is { } id ? phases[id] : null;
            if (phase is null) plan.Phases.Add(phase = new Phase { Name = parsed.Name });
            phase.Name = parsed.Name; phase.Position = index; phase.StartMonth = parsed.Start.FirstDay; phase.EndMonth = parsed.End.FirstDay;
            phase.Description = parsed.Description;
        }
        foreach (var id in removed(RevisionPart.Phase)) phases[id].ArchivedAt = now;

        // A group left without a current item is archived with them.
        foreach (var g in plan.TargetGroups.Where(g => g.Targets.All(t => t.ArchivedAt is not null))) g.ArchivedAt = now;
        foreach (var g in plan.TaskGroups.Where(g => g.Tasks.All(t => t.ArchivedAt is not null))) g.ArchivedAt = now;
    }

    /// <summary>The task's units as revised. Assignments are links, not history: reports name the unit and task themselves.</summary>
    void SetUnits(PlanTask task, ParsedTask parsed, Func<string, Unit> unitNamed)
    {
        var wanted = parsed.LeadUnits.Select(u => (u, AssignmentRole.Lead)).Concat(parsed.CoUnits.Select(u => (u, AssignmentRole.Co)))
            .DistinctBy(a => a.u).Select((a, i) => (Name: a.u, Role: a.Item2, Position: i)).ToList();
        foreach (var old in task.Assignments.Where(a => wanted.All(w => w.Name != a.Unit?.Name)).ToList())
        {
            task.Assignments.Remove(old);
            db.ChosenMembers.RemoveRange(db.ChosenMembers.Where(c => c.PlanTaskId == task.Id && c.GroupId == old.UnitId));
        }
        foreach (var (name, role, position) in wanted)
        {
            var assignment = task.Assignments.FirstOrDefault(a => a.Unit?.Name == name);
            if (assignment is null) task.Assignments.Add(assignment = new Assignment { Unit = unitNamed(name) });
            assignment.Role = role;
            assignment.Position = position;
        }
    }

    /// <summary>Measures by their place: a reworded measure keeps its status; one the revision drops goes with it.</summary>
    static void SetMeasures(PlanTask task, ParsedTask parsed)
    {
        var deadline = parsed.Deadline is { Length: <= 100 } d ? d : null;
        var ordered = task.Measures.OrderBy(m => m.Position).ToList();
        for (var i = 0; i < parsed.Measures.Count; i++)
        {
            var text = parsed.Measures[i].Text.Length <= 1000 ? parsed.Measures[i].Text : parsed.Measures[i].Text[..1000];
            if (i < ordered.Count) { ordered[i].Text = text; ordered[i].Deadline = deadline; }
            else task.Measures.Add(new Measure { Position = i, Text = text, Deadline = deadline });
        }
        foreach (var extra in ordered.Skip(parsed.Measures.Count)) task.Measures.Remove(extra);
    }
}
