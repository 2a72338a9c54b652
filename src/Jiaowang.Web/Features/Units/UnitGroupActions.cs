using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Units;

/// <summary>
/// What the office does with groups, shared by the API and the members page: add or remove a member of a group, and
/// name the members of a 各相关区人民政府 that report on one task. Each change is audited with who made it.
/// </summary>
public sealed class UnitGroupActions(JiaowangDb db, AuditLog audit, IStringLocalizer<UnitsText> text)
{
    public async Task<Outcome<IReadOnlyList<UnitRef>>> AddMemberAsync(Caller caller, int groupId, int memberId, CancellationToken ct = default)
    {
        if (await GroupAsync(groupId, ct) is not { } group) return Refusal.NotFound(text["Group.NotFound"]);
        if (!UnitGroups.IsGroup(group.Kind)) return Refusal.Invalid("groupId", text["Group.NotAGroup", group.Name]);
        var member = await db.Units.AsNoTracking().Where(u => u.Id == memberId).Select(u => new { u.Id, u.Name, u.Kind }).FirstOrDefaultAsync(ct);
        if (member is null) return Refusal.Invalid("memberId", text["Group.UnknownMember"]);
        if (UnitGroups.IsGroup(member.Kind)) return Refusal.Invalid("memberId", text["Group.MemberIsGroup"]);
        if (await db.UnitMemberships.AnyAsync(m => m.GroupId == groupId && m.MemberId == memberId, ct))
            return Refusal.Conflict(text["Group.AlreadyMember", member.Name, group.Name]);
        db.UnitMemberships.Add(new UnitMembership { GroupId = groupId, MemberId = memberId });
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("UnitMembership", $"{groupId}/{memberId}", "add", null, new { group = group.Name, member = member.Name })], ct);
        return Done(await MembersAsync(groupId, ct));
    }

    public async Task<Outcome<IReadOnlyList<UnitRef>>> RemoveMemberAsync(Caller caller, int groupId, int memberId, CancellationToken ct = default)
    {
        if (await GroupAsync(groupId, ct) is not { } group) return Refusal.NotFound(text["Group.NotFound"]);
        var membership = await db.UnitMemberships.Include(m => m.Member).FirstOrDefaultAsync(m => m.GroupId == groupId && m.MemberId == memberId, ct);
        if (membership is null) return Refusal.NotFound(text["Group.NotAMember", memberId, group.Name]);
        db.UnitMemberships.Remove(membership);
        // Tasks that named this member for the group no longer do: it has left the list they were chosen from.
        db.ChosenMembers.RemoveRange(await db.ChosenMembers.Where(c => c.MemberId == memberId && !db.UnitMemberships
            .Any(m => m.MemberId == memberId && m.GroupId != groupId && db.Units.Any(g => g.Id == m.GroupId && g.Kind == UnitKind.Group))).ToListAsync(ct));
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("UnitMembership", $"{groupId}/{memberId}", "remove", new { group = group.Name, member = membership.Member!.Name }, null)], ct);
        return Done(await MembersAsync(groupId, ct));
    }

    /// <summary>
    /// Names the members of a <see cref="UnitKind.ChosenGroup"/> that report on one task, replacing the earlier choice.
    /// They are chosen from the district list: the members of the groups whose every member reports (各区人民政府).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UnitRef>>> ChooseAsync(Caller caller, int taskId, int groupId, IReadOnlyList<int> memberIds, CancellationToken ct = default)
    {
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.Id, t.Number }).FirstOrDefaultAsync(ct);
        if (task is null) return Refusal.NotFound(text["Group.TaskNotFound"]);
        if (await GroupAsync(groupId, ct) is not { } group) return Refusal.NotFound(text["Group.NotFound"]);
        if (group.Kind != UnitKind.ChosenGroup) return Refusal.Invalid("groupId", text["Group.NotChosenGroup", group.Name]);
        if (!await db.Assignments.AnyAsync(a => a.PlanTaskId == taskId && a.UnitId == groupId, ct))
            return Refusal.Invalid("groupId", text["Group.NotOnTask", task.Number, group.Name]);
        var candidates = await CandidatesAsync(ct);
        if (memberIds.FirstOrDefault(id => candidates.All(c => c.Id != id)) is var stranger and not 0)
        {
            var name = await db.Units.Where(u => u.Id == stranger).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? stranger.ToString();
            return Refusal.Invalid("memberIds", text["Group.NotCandidate", name]);
        }
        var before = await db.ChosenMembers.Where(c => c.PlanTaskId == taskId && c.GroupId == groupId).ToListAsync(ct);
        var beforeIds = before.Select(c => c.MemberId).Order().ToList();
        db.ChosenMembers.RemoveRange(before);
        db.ChosenMembers.AddRange(memberIds.Distinct().Select(id => new ChosenMember { PlanTaskId = taskId, GroupId = groupId, MemberId = id }));
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("ChosenMembers", $"{taskId}/{groupId}", "choose",
            new { members = beforeIds }, new { members = memberIds.Distinct().Order().ToList() })], ct);
        return Done(await ChosenAsync(taskId, groupId, ct));
    }

    public Task<List<UnitRef>> CandidatesAsync(CancellationToken ct = default) =>
        db.UnitMemberships.AsNoTracking().Where(m => m.Group!.Kind == UnitKind.Group)
            .OrderBy(m => m.MemberId).Select(m => new UnitRef(m.MemberId, m.Member!.Name)).Distinct().ToListAsync(ct);

    public async Task<IReadOnlyList<UnitRef>> ChosenAsync(int taskId, int groupId, CancellationToken ct = default) =>
        await db.ChosenMembers.AsNoTracking().Where(c => c.PlanTaskId == taskId && c.GroupId == groupId)
            .OrderBy(c => c.MemberId).Select(c => new UnitRef(c.MemberId, c.Member!.Name)).ToListAsync(ct);

    async Task<IReadOnlyList<UnitRef>> MembersAsync(int groupId, CancellationToken ct) =>
        await db.UnitMemberships.AsNoTracking().Where(m => m.GroupId == groupId)
            .OrderBy(m => m.MemberId).Select(m => new UnitRef(m.MemberId, m.Member!.Name)).ToListAsync(ct);

    static Outcome<IReadOnlyList<UnitRef>> Done(IReadOnlyList<UnitRef> units) => new(units);

    Task<Unit?> GroupAsync(int id, CancellationToken ct) => db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
}
