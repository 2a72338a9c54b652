using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Leadership;

/// <param name="Post">head (组长), deputyHead (副组长), member (成员), officeDirector (办公室主任), officeDeputyDirector, officeMember.</param>
/// <param name="PostName">The post in the reader's language.</param>
/// <param name="UserName">The member's leader account, when linked.</param>
public sealed record LeadingGroupItem(int Id, int PlanId, int Position, string Name, string Post, string PostName, string? Title,
    int? UnitId, string? UnitName, string? UserName);

/// <param name="Name">The person's name (姓名), up to 50 characters.</param>
/// <param name="Post">head, deputyHead, member, officeDirector, officeDeputyDirector or officeMember.</param>
/// <param name="Title">职务 as written, e.g. 市政府副市长; up to 100 characters.</param>
/// <param name="UnitId">The responsible unit the member comes from, if any.</param>
/// <param name="UserName">A leader account to link: its landing page then lists the unit's tasks first.</param>
public sealed record LeadingGroupInput(string? Name, string? Post, string? Title, int? UnitId, string? UserName);

/// <param name="Ids">Every member's id, in the new order.</param>
public sealed record LeadingGroupOrder(int[] Ids);

/// <summary>
/// The plan's leading group (领导小组) and its office, kept by the office: add, change, remove, reorder, each audited.
/// Signed-in users read it; nothing of it is public beyond what the plan's text says.
/// </summary>
public sealed class LeadingGroup(JiaowangDb db, AuditLog audit, IStringLocalizer<LeadershipText> text)
{
    public string PostName(LeadingGroupPost post) => text[$"Post.{post}"];

    public async Task<Outcome<List<LeadingGroupItem>>> ListAsync(int planId, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Group.UnknownPlan"]);
        var rows = await db.LeadingGroupMembers.AsNoTracking().Where(m => m.PlanId == planId)
            .OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.PlanId, m.Position, m.Name, m.Post, m.Title, m.UnitId, UnitName = m.Unit!.Name, m.UserId })
            .ToListAsync(ct);
        var userIds = rows.Where(r => r.UserId != null).Select(r => r.UserId!).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName!, ct);
        return rows.Select(r => new LeadingGroupItem(r.Id, r.PlanId, r.Position, r.Name, ApiCode.Of(r.Post), PostName(r.Post), r.Title,
            r.UnitId, r.UnitName, r.UserId is { } u ? users.GetValueOrDefault(u) : null)).ToList();
    }

    public async Task<Outcome<LeadingGroupItem>> AddAsync(Caller caller, int planId, LeadingGroupInput input, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Group.OnlyOffice"]);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Group.UnknownPlan"]);
        var checkedInput = await CheckAsync(input, ct);
        if (checkedInput.Refusal is { } refusal) return refusal;
        var (post, userId) = checkedInput.Value;
        var last = await db.LeadingGroupMembers.Where(m => m.PlanId == planId).MaxAsync(m => (int?)m.Position, ct) ?? 0;
        var member = new LeadingGroupMember
        {
            PlanId = planId, Position = last + 1, Name = input.Name!.Trim(), Post = post, Title = Blank(input.Title), UnitId = input.UnitId, UserId = userId,
        };
        db.LeadingGroupMembers.Add(member);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("LeadingGroupMember", member.Id.ToString(), "create", null, Snapshot(member))], ct);
        return await ItemAsync(member.Id, ct);
    }

    public async Task<Outcome<LeadingGroupItem>> EditAsync(Caller caller, int id, LeadingGroupInput input, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Group.OnlyOffice"]);
        var member = await db.LeadingGroupMembers.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return Refusal.NotFound(text["Group.UnknownMember"]);
        var checkedInput = await CheckAsync(input, ct);
        if (checkedInput.Refusal is { } refusal) return refusal;
        var before = Snapshot(member);
        (member.Name, member.Post, member.Title, member.UnitId, member.UserId) =
            (input.Name!.Trim(), checkedInput.Value.Post, Blank(input.Title), input.UnitId, checkedInput.Value.UserId);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("LeadingGroupMember", id.ToString(), "edit", before, Snapshot(member))], ct);
        return await ItemAsync(id, ct);
    }

    public async Task<Outcome<int>> RemoveAsync(Caller caller, int id, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Group.OnlyOffice"]);
        var member = await db.LeadingGroupMembers.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return Refusal.NotFound(text["Group.UnknownMember"]);
        var before = Snapshot(member);
        db.LeadingGroupMembers.Remove(member);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("LeadingGroupMember", id.ToString(), "delete", before, null)], ct);
        return id;
    }

    /// <summary>Puts the members in the given order; the list must name each member of the plan's group once.</summary>
    public async Task<Outcome<List<LeadingGroupItem>>> OrderAsync(Caller caller, int planId, int[]? ids, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Group.OnlyOffice"]);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Group.UnknownPlan"]);
        var members = await db.LeadingGroupMembers.Where(m => m.PlanId == planId).ToListAsync(ct);
        if (ids is null || ids.Length != members.Count || ids.Distinct().Count() != ids.Length || ids.Any(i => members.All(m => m.Id != i)))
            return Refusal.Invalid("ids", text["Group.OrderIncomplete"]);
        var before = members.OrderBy(m => m.Position).Select(m => m.Id).ToArray();
        for (var i = 0; i < ids.Length; i++) members.Single(m => m.Id == ids[i]).Position = i + 1;
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("LeadingGroup", planId.ToString(), "order", before, ids)], ct);
        return await ListAsync(planId, ct);
    }

    /// <summary>Moves one member up or down by one place (the page's arrows).</summary>
    public async Task<Outcome<List<LeadingGroupItem>>> MoveAsync(Caller caller, int id, int by, CancellationToken ct = default)
    {
        var member = await db.LeadingGroupMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null) return Refusal.NotFound(text["Group.UnknownMember"]);
        var order = await db.LeadingGroupMembers.Where(m => m.PlanId == member.PlanId).OrderBy(m => m.Position).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        var at = order.IndexOf(id);
        var to = Math.Clamp(at + by, 0, order.Count - 1);
        (order[at], order[to]) = (order[to], order[at]);
        return await OrderAsync(caller, member.PlanId, order.ToArray(), ct);
    }

    async Task<Outcome<(LeadingGroupPost Post, string? UserId)>> CheckAsync(LeadingGroupInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > LeadingGroupMember.MaxName || !RichText.IsSafePlainText(name))
            return Refusal.Invalid("name", text["Group.NameRequired", LeadingGroupMember.MaxName]);
        if (!TryPost(input.Post, out var post)) return Refusal.Invalid("post", text["Group.UnknownPost", input.Post ?? ""]);
        if (input.Title is { } title && (title.Trim().Length > LeadingGroupMember.MaxTitle || !RichText.IsSafePlainText(title)))
            return Refusal.Invalid("title", text["Group.TitleTooLong", LeadingGroupMember.MaxTitle]);
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct)) return Refusal.Invalid("unitId", text["Group.UnknownUnit"]);
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            var userName = input.UserName.Trim();
            var leaderRole = await db.Roles.Where(r => r.Name == Roles.Leader).Select(r => r.Id).FirstOrDefaultAsync(ct);
            userId = await db.Users.Where(u => u.UserName == userName && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == leaderRole))
                .Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId is null) return Refusal.Invalid("userName", text["Group.UnknownLeader", userName]);
        }
        return (post, userId);
    }

    public static bool TryPost(string? code, out LeadingGroupPost post) =>
        Enum.TryParse(code?.Trim(), ignoreCase: true, out post) && Enum.IsDefined(post) && !int.TryParse(code, out _);

    async Task<Outcome<LeadingGroupItem>> ItemAsync(int id, CancellationToken ct)
    {
        var planId = await db.LeadingGroupMembers.Where(m => m.Id == id).Select(m => m.PlanId).FirstAsync(ct);
        return (await ListAsync(planId, ct)).Value!.Single(m => m.Id == id);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static object Snapshot(LeadingGroupMember m) => new { m.PlanId, m.Position, m.Name, post = m.Post.ToString(), m.Title, m.UnitId, m.UserId };
}
