using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>One unit owing one task's reports; <see cref="GroupId"/> is set when it owes them for its group (各区人民政府).</summary>
public sealed record OwedTask(int PlanTaskId, int PlanId, int Number, string Title, int UnitId, string UnitName, AssignmentRole Role,
    int? GroupId, string? GroupName);

/// <summary>
/// Which units owe which tasks, read from the assignments and expanded through groups by <see cref="UnitGroups.Expand"/>.
/// Every view of what a unit owes (the overdue list, my work, the report form's check, reminders, the dashboard, the
/// exports) reads it from here, so a district owes the same things everywhere.
/// </summary>
public static class Owing
{
    // A unit owes through any group's assignment: as a member of a full group, or as named for a task of a chosen one.
    static readonly UnitKind[] GroupKinds = [UnitKind.Group, UnitKind.ChosenGroup];

    public static Task<List<OwedTask>> ForPlanAsync(JiaowangDb db, int planId, CancellationToken ct = default) =>
        LoadAsync(db, db.Assignments.Where(a => a.Task!.Group!.PlanId == planId), ct);

    /// <summary>Who owes each task of several plans, in the same few queries as one plan's.</summary>
    public static Task<List<OwedTask>> ForPlansAsync(JiaowangDb db, IReadOnlyCollection<int> planIds, CancellationToken ct = default) =>
        LoadAsync(db, db.Assignments.Where(a => planIds.Contains(a.Task!.Group!.PlanId)), ct);

    /// <summary>The tasks a unit owes, named itself or through a group it belongs to.</summary>
    public static async Task<List<OwedTask>> ForUnitAsync(JiaowangDb db, int unitId, CancellationToken ct = default)
    {
        var owed = await LoadAsync(db, db.Assignments.Where(a => a.UnitId == unitId || GroupKinds.Contains(a.Unit!.Kind)), ct);
        return owed.Where(o => o.UnitId == unitId).ToList();
    }

    /// <summary>Whether the unit owes reports on the task (the check before a liaison starts one).</summary>
    public static async Task<bool> OwesAsync(JiaowangDb db, int taskId, int unitId, CancellationToken ct = default)
    {
        var owed = await LoadAsync(db, db.Assignments.Where(a => a.PlanTaskId == taskId && (a.UnitId == unitId || GroupKinds.Contains(a.Unit!.Kind))), ct);
        return owed.Any(o => o.UnitId == unitId);
    }

    /// <summary>The groups, their members and the members named per task, for the expansion rule.</summary>
    /// <param name="taskIds">A query, not a list: the tasks of 300 plans would be thousands of parameters.</param>
    static async Task<GroupBook> GroupBookAsync(JiaowangDb db, IQueryable<int> taskIds, CancellationToken ct)
    {
        var kinds = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Group || u.Kind == UnitKind.ChosenGroup)
            .ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        if (kinds.Count == 0) return GroupBook.Empty;
        var members = (await db.UnitMemberships.AsNoTracking().OrderBy(m => m.MemberId).Select(m => new { m.GroupId, m.MemberId }).ToListAsync(ct))
            .GroupBy(m => m.GroupId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.MemberId).ToList());
        var chosen = (await db.ChosenMembers.AsNoTracking().Where(c => taskIds.Contains(c.PlanTaskId)).OrderBy(c => c.MemberId)
                .Select(c => new { c.PlanTaskId, c.GroupId, c.MemberId }).ToListAsync(ct))
            .GroupBy(c => (c.PlanTaskId, c.GroupId)).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(c => c.MemberId).ToList());
        return new GroupBook(kinds, members, chosen);
    }

    static async Task<List<OwedTask>> LoadAsync(JiaowangDb db, IQueryable<Assignment> assignments, CancellationToken ct)
    {
        var rows = await assignments.AsNoTracking()
            .OrderBy(a => a.Task!.Group!.PlanId).ThenBy(a => a.Task!.Number).ThenBy(a => a.Role).ThenBy(a => a.Position)
            .Select(a => new { a.PlanTaskId, a.Task!.Group!.PlanId, a.Task.Number, a.Task.Title, a.UnitId, a.Role })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var tasks = rows.DistinctBy(r => r.PlanTaskId).ToDictionary(r => r.PlanTaskId);
        var book = await GroupBookAsync(db, assignments.Select(a => a.PlanTaskId), ct);
        var owing = UnitGroups.Expand(rows.Select(r => new AssignedUnit(r.PlanTaskId, r.UnitId, r.Role)), book);
        var unitIds = owing.Select(o => o.UnitId).Concat(owing.Select(o => o.GroupId ?? o.UnitId)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return owing.Select(o =>
        {
            var task = tasks[o.TaskId];
            return new OwedTask(o.TaskId, task.PlanId, task.Number, task.Title, o.UnitId, names[o.UnitId], o.Role,
                o.GroupId, o.GroupId is { } g ? names[g] : null);
        }).ToList();
    }
}
