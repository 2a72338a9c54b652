using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.CoSigning;

/// <summary>
/// Who carries a task together: its lead units (牵头) and the co-units (配合) that report beside them, groups expanded
/// by <see cref="Owing"/>. A lead unit reads its co-units' reports on that task, and only that task.
/// </summary>
public sealed record TaskTeam(int TaskId, int PlanId, string Task, IReadOnlyList<OwedTask> Leads, IReadOnlyList<OwedTask> Others)
{
    public bool IsLead(int? unitId) => unitId is { } u && Leads.Any(l => l.UnitId == u);
    public bool IsMember(int? unitId) => unitId is { } u && (Leads.Any(l => l.UnitId == u) || Others.Any(o => o.UnitId == u));

    /// <summary>The units that sign a lead unit's summary: every other unit that owes the task.</summary>
    public IEnumerable<OwedTask> SignersFor(int leadUnitId) => Leads.Concat(Others).Where(o => o.UnitId != leadUnitId).DistinctBy(o => o.UnitId);

    public static async Task<TaskTeam?> LoadAsync(JiaowangDb db, int taskId, CancellationToken ct = default)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { t.Id, t.Group!.PlanId, t.Number, t.Title }).FirstOrDefaultAsync(ct);
        if (task is null) return null;
        var owed = (await Owing.ForPlanAsync(db, task.PlanId, ct)).Where(o => o.PlanTaskId == taskId).ToList();
        return new TaskTeam(task.Id, task.PlanId, $"{task.Number}. {task.Title}",
            owed.Where(o => o.Role == AssignmentRole.Lead).ToList(), owed.Where(o => o.Role != AssignmentRole.Lead).ToList());
    }

    /// <summary>Whether <paramref name="leadUnitId"/> leads the task that <paramref name="reportUnitId"/> reported on.</summary>
    public static async Task<bool> LeadsAsync(JiaowangDb db, int taskId, int leadUnitId, int reportUnitId, CancellationToken ct = default)
    {
        if (!await db.Assignments.AnyAsync(a => a.PlanTaskId == taskId, ct)) return false;
        var team = await LoadAsync(db, taskId, ct);
        return team is not null && team.IsLead(leadUnitId) && team.IsMember(reportUnitId);
    }
}
