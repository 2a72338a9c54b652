using Jiaowang.Core.Plans;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Extensions;

/// <param name="Role">lead or co: the unit's part in the task when it asked.</param>
public sealed record ReturnItem(int Id, int TaskId, string Task, int UnitId, string UnitName, string Role, string Reason, string State,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    int? ReassignedToUnitId, string? ReassignedToUnitName);

/// <summary>
/// 退办: a unit named in a task asks to give it back; the office hands the unit's part to another unit (which becomes
/// lead or co-unit in its place; a unit already on the task keeps its place, and takes the lead if the returning unit led),
/// or simply removes it when another unit already carries the task, or refuses with a reason.
/// </summary>
public sealed class ReturnActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<InstrumentsText> text, IServiceProvider services)
{
    static object Snapshot(TaskReturn r) => new { r.PlanTaskId, r.UnitId, r.Reason, state = r.State.ToString(), r.DecidedBy, r.DecisionNote, r.ReassignedToUnitId };

    public async Task<Outcome<ReturnItem>> RequestAsync(Caller caller, int? taskId, string? reason, CancellationToken ct = default)
    {
        if (caller.UnitId is not { } unitId) return Refusal.Forbidden(text["Extension.OnlyLiaisons"]);
        if (taskId is null) return Refusal.Invalid("taskId", text["Return.TaskRequired"]);
        if (string.IsNullOrWhiteSpace(reason)) return Refusal.Invalid("reason", text["Request.ReasonRequired"]);
        if (reason.Length > 2000) return Refusal.Invalid("reason", text["Request.TooLong", 2000]);
        if (!RichText.IsSafePlainText(reason)) return Refusal.Invalid("reason", text["Request.Unsafe"]);
        // Only a unit named in the task itself can return it; a member of a group asks the office to change the group.
        if (!await db.Assignments.AnyAsync(a => a.PlanTaskId == taskId && a.UnitId == unitId, ct)) return Refusal.NotFound(text["Return.NotNamed"]);
        if (await db.TaskReturns.AnyAsync(r => r.PlanTaskId == taskId && r.UnitId == unitId && r.State == RequestState.Pending, ct))
            return Refusal.Conflict(text["Extension.AlreadyPending"]);
        var request = new TaskReturn { PlanTaskId = taskId.Value, UnitId = unitId, Reason = reason.Trim(), RequestedBy = caller.UserName, RequestedAt = clock.GetUtcNow() };
        db.TaskReturns.Add(request);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("TaskReturn", request.Id.ToString(), "request", null, Snapshot(request))], ct);
        var item = (await ListAsync(caller, null, request.Id, ct)).Single();
        await Notify.PublishAsync(services, new NotificationEvent("return.requested", $"退办申请：{item.UnitName}", $"Return requested: {item.UnitName}",
            $"{item.Task}：{item.Reason}", $"{item.Task}: {item.Reason}", "/office/requests", [], [], "task", item.TaskId), ct);
        return item;
    }

    /// <param name="toUnitId">The unit that takes the part; null to drop it (refused when nobody else would carry the task).</param>
    public async Task<Outcome<ReturnItem>> ReassignAsync(Caller caller, int id, int? toUnitId, string? note, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Request.OnlyOffice"]);
        if (note is { Length: > 2000 }) return Refusal.Invalid("note", text["Request.TooLong", 2000]);
        if (!RichText.IsSafePlainText(note)) return Refusal.Invalid("note", text["Request.Unsafe"]);
        var request = await db.TaskReturns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Refusal.NotFound(text["Return.NotFound"]);
        if (request.State != RequestState.Pending) return Refusal.Conflict(text["Request.NotPending"]);
        var assignments = await db.Assignments.Where(a => a.PlanTaskId == request.PlanTaskId).ToListAsync(ct);
        var leaving = assignments.FirstOrDefault(a => a.UnitId == request.UnitId);
        if (toUnitId == request.UnitId) return Refusal.Invalid("toUnitId", text["Return.SameUnit"]);
        if (toUnitId is { } to && !await db.Units.AnyAsync(u => u.Id == to, ct)) return Refusal.Invalid("toUnitId", text["Return.UnknownUnit"]);
        if (toUnitId is null && assignments.Count(a => a.UnitId != request.UnitId) == 0) return Refusal.Invalid("toUnitId", text["Return.NobodyLeft"]);

        var before = Snapshot(request);
        var records = new List<AuditRecord>();
        if (leaving is not null)
        {
            var taken = assignments.FirstOrDefault(a => a.UnitId == toUnitId);
            if (toUnitId is { } to2 && taken is null)
            {
                db.Assignments.Add(new Assignment { PlanTaskId = request.PlanTaskId, UnitId = to2, Role = leaving.Role, Position = leaving.Position });
                records.Add(new AuditRecord("Assignment", $"{request.PlanTaskId}/{to2}", "reassign", null, new { role = leaving.Role.ToString(), from = request.UnitId }));
            }
            else if (taken is not null && leaving.Role == AssignmentRole.Lead && taken.Role != AssignmentRole.Lead)
            {
                records.Add(new AuditRecord("Assignment", $"{request.PlanTaskId}/{taken.UnitId}", "reassign", new { role = taken.Role.ToString() }, new { role = "Lead" }));
                taken.Role = AssignmentRole.Lead;
            }
            else if (toUnitId is null && leaving.Role == AssignmentRole.Lead && !assignments.Any(a => a.UnitId != request.UnitId && a.Role == AssignmentRole.Lead))
            {
                return Refusal.Invalid("toUnitId", text["Return.NeedsNewLead"]);
            }
            db.Assignments.Remove(leaving);
            records.Add(new AuditRecord("Assignment", $"{request.PlanTaskId}/{request.UnitId}", "return", new { role = leaving.Role.ToString() }, null));
        }
        request.Reassign(toUnitId, caller.UserName, clock.GetUtcNow(), note);
        records.Insert(0, new AuditRecord("TaskReturn", id.ToString(), "reassign", before, Snapshot(request)));
        await audit.SaveAsync(db, caller.UserName, () => records, ct);
        var item = (await ListAsync(caller, null, id, ct)).Single();
        await Notify.PublishAsync(services, new NotificationEvent("return.approved", $"退办已同意：{item.Task}", $"Return approved: {item.Task}",
            item.ReassignedToUnitName is { } n ? $"改由{n}承办" : null, item.ReassignedToUnitName is { } m ? $"Now with {m}" : null,
            $"/tasks/{item.TaskId}", [], toUnitId is { } t ? [item.UnitId, t] : [item.UnitId], "task", item.TaskId), ct);
        return item;
    }

    public async Task<Outcome<ReturnItem>> RefuseAsync(Caller caller, int id, string? note, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Request.OnlyOffice"]);
        if (string.IsNullOrWhiteSpace(note)) return Refusal.Invalid("note", text["Request.NoteRequired"]);
        if (note.Length > 2000) return Refusal.Invalid("note", text["Request.TooLong", 2000]);
        if (!RichText.IsSafePlainText(note)) return Refusal.Invalid("note", text["Request.Unsafe"]);
        var request = await db.TaskReturns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Refusal.NotFound(text["Return.NotFound"]);
        var before = Snapshot(request);
        if (request.Refuse(caller.UserName, clock.GetUtcNow(), note) is not null) return Refusal.Conflict(text["Request.NotPending"]);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("TaskReturn", id.ToString(), "refuse", before, Snapshot(request))], ct);
        var item = (await ListAsync(caller, null, id, ct)).Single();
        await Notify.PublishAsync(services, new NotificationEvent("return.refused", $"退办未获同意：{item.Task}", $"Return refused: {item.Task}",
            item.DecisionNote, item.DecisionNote, "/work/requests", [], [item.UnitId], "task", item.TaskId), ct);
        return item;
    }

    public async Task<List<ReturnItem>> ListAsync(Caller caller, RequestState? state, int? id = null, CancellationToken ct = default)
    {
        var query = db.TaskReturns.AsNoTracking();
        if (!caller.IsOffice) query = query.Where(r => r.UnitId == caller.UnitId);
        if (state is { } s) query = query.Where(r => r.State == s);
        if (id is { } one) query = query.Where(r => r.Id == one);
        var rows = await query.OrderByDescending(r => r.Id).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var unitIds = rows.Select(r => r.UnitId).Concat(rows.Where(r => r.ReassignedToUnitId != null).Select(r => r.ReassignedToUnitId!.Value)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var taskIds = rows.Select(r => r.PlanTaskId).Distinct().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => $"{t.Number}. {t.Title}", ct);
        var roles = await db.Assignments.AsNoTracking().Where(a => taskIds.Contains(a.PlanTaskId)).ToDictionaryAsync(a => (a.PlanTaskId, a.UnitId), a => a.Role, ct);
        return rows.Select(r => new ReturnItem(r.Id, r.PlanTaskId, tasks.GetValueOrDefault(r.PlanTaskId) ?? "", r.UnitId, units.GetValueOrDefault(r.UnitId) ?? "",
            roles.TryGetValue((r.PlanTaskId, r.UnitId), out var role) && role == AssignmentRole.Lead ? "lead" : "co",
            r.Reason, ExtensionActions.Code(r.State), r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote,
            r.ReassignedToUnitId, r.ReassignedToUnitId is { } t ? units.GetValueOrDefault(t) : null)).ToList();
    }
}
