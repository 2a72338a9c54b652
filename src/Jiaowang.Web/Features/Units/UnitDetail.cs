using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

/// <summary>One responsible unit and what it leads and supports; also the body of <c>GET /api/units/{id}</c>.</summary>
public sealed record UnitDetail(int Id, string Name, string? Annotation, IReadOnlyList<UnitTask> Leads, IReadOnlyList<UnitTask> Supports)
{
    /// <summary>body, district, functionalZone, group (every member reports) or chosenGroup (members named per task report).</summary>
    public string Kind { get; init; } = "body";

    /// <summary>For a group: its members, in list order; null for other units.</summary>
    public IReadOnlyList<UnitRef>? Members { get; init; }

    /// <summary>For a member: the group it reports for (各区人民政府); null for other units.</summary>
    public UnitRef? Group { get; init; }

    /// <summary>For a member: the tasks it owes because they name its group.</summary>
    public IReadOnlyList<UnitTask> ThroughGroup { get; init; } = [];

    /// <summary>For a group whose members are named per task: each of its tasks with the members named for it.</summary>
    public IReadOnlyList<ChosenForTask>? Chosen { get; init; }

    public static string KindCode(UnitKind kind) => kind switch
    {
        UnitKind.District => "district",
        UnitKind.FunctionalZone => "functionalZone",
        UnitKind.Group => "group",
        UnitKind.ChosenGroup => "chosenGroup",
        _ => "body",
    };

    public static async Task<UnitDetail?> LoadAsync(JiaowangDb db, int id, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Name, u.Annotation, u.Kind })
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
        var detail = new UnitDetail(unit.Id, unit.Name, unit.Annotation, With(AssignmentRole.Lead), With(AssignmentRole.Co)) { Kind = KindCode(unit.Kind) };
        return await WithGroupsAsync(db, detail, unit.Kind, tasks.Select(t => t.Id).ToList(), ct);
    }

    static async Task<UnitDetail> WithGroupsAsync(JiaowangDb db, UnitDetail detail, UnitKind kind, List<int> taskIds, CancellationToken ct)
    {
        var id = detail.Id;
        if (UnitGroups.IsGroup(kind))
        {
            var members = await db.UnitMemberships.AsNoTracking().Where(m => m.GroupId == id).OrderBy(m => m.MemberId)
                .Select(m => new UnitRef(m.MemberId, m.Member!.Name)).ToListAsync(ct);
            if (kind != UnitKind.ChosenGroup) return detail with { Members = members };
            var chosen = (await db.ChosenMembers.AsNoTracking().Where(c => c.GroupId == id).OrderBy(c => c.MemberId)
                .Select(c => new { c.PlanTaskId, c.MemberId, c.Member!.Name }).ToListAsync(ct)).ToLookup(c => c.PlanTaskId);
            var perTask = detail.Leads.Concat(detail.Supports).OrderBy(t => t.PlanId).ThenBy(t => t.Number)
                .Select(t => new ChosenForTask(t.Id, t.Number, t.Title, chosen[t.Id].Select(c => new UnitRef(c.MemberId, c.Name)).ToList())).ToList();
            return detail with { Members = members, Chosen = perTask };
        }
        var group = await db.UnitMemberships.AsNoTracking().Where(m => m.MemberId == id)
            .OrderBy(m => m.Group!.Kind).ThenBy(m => m.GroupId).Select(m => new UnitRef(m.GroupId, m.Group!.Name)).FirstOrDefaultAsync(ct);
        if (group is null) return detail;
        var owed = (await Owing.ForUnitAsync(db, id, ct)).Where(o => o.GroupId is not null && !taskIds.Contains(o.PlanTaskId)).ToList();
        var planIds = owed.Select(o => o.PlanId).Distinct().ToList();
        var planTitles = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return detail with
        {
            Group = group,
            ThroughGroup = owed.Select(o => new UnitTask(o.PlanTaskId, o.Number, o.Title, o.PlanId, planTitles[o.PlanId],
                [new UnitRef(o.GroupId!.Value, o.GroupName!)])).ToList(),
        };
    }
}

/// <summary>A task that names a 各相关区人民政府, with the members the office named to report on it.</summary>
public sealed record ChosenForTask(int TaskId, int Number, string Title, IReadOnlyList<UnitRef> Members);

/// <param name="OtherLeadUnits">The task's lead units other than this one: who a co-unit answers to.</param>
public sealed record UnitTask(int Id, int Number, string Title, int PlanId, string PlanTitle, IReadOnlyList<UnitRef> OtherLeadUnits);
