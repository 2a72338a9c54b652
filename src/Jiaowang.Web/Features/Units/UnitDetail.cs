using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

/// <summary>One responsible unit and what it leads and supports; also the body of <c>GET /api/units/{id}</c>.</summary>
public sealed record UnitDetail(int Id, string Name, string? Annotation, IReadOnlyList<UnitTask> Leads, IReadOnlyList<UnitTask> Supports)
{
    public static async Task<UnitDetail?> LoadAsync(JiaowangDb db, int id, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Annotation })
            .FirstOrDefaultAsync(ct);
        if (unit is null) return null;

        var tasks = await db.Tasks.AsNoTracking().AsSplitQuery()
            .Where(t => t.Assignments.Any(a => a.UnitId == id))
            .Include(t => t.Group)
            .Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .ToListAsync(ct);
        var planIds = tasks.Select(t => t.Group!.PlanId).Distinct().ToList();
        var planTitles = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);

        var byRole = tasks.Select(t => new
        {
            t.Assignments.First(a => a.UnitId == id).Role,
            Task = new UnitTask(t.Id, t.Number, t.Title, t.Group!.PlanId, planTitles[t.Group.PlanId],
                t.Assignments.Where(o => o.Role == AssignmentRole.Lead && o.UnitId != id)
                    .OrderBy(o => o.Position).Select(o => new UnitRef(o.UnitId, o.Unit!.Name)).ToList()),
        }).ToList();

        List<UnitTask> With(AssignmentRole role) =>
            byRole.Where(t => t.Role == role).Select(t => t.Task).OrderBy(t => t.PlanId).ThenBy(t => t.Number).ToList();
        return new UnitDetail(unit.Id, unit.Name, unit.Annotation, With(AssignmentRole.Lead), With(AssignmentRole.Co));
    }
}

/// <param name="OtherLeadUnits">The task's lead units other than this one: who a co-unit answers to.</param>
public sealed record UnitTask(int Id, int Number, string Title, int PlanId, string PlanTitle, IReadOnlyList<UnitRef> OtherLeadUnits);
