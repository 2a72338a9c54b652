using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Leadership;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>Whether a unit's leader signs its reports, and who may change that.</summary>
/// <param name="LeaderApprovesReports">On: a liaison's submit waits for the unit's leader before it reaches the office.</param>
public sealed record UnitApproval(int UnitId, string UnitName, bool LeaderApprovesReports);

/// <summary>A report waiting for its unit leader's signature, as the leader's queue lists it.</summary>
public sealed record AwaitingReport(int Id, int Version, int UnitId, string UnitName, int? TaskId, string? TaskTitle, PeriodKind Kind,
    DateOnly PeriodStart, DateOnly Deadline, string Text, DateTimeOffset UpdatedAt);

/// <summary>
/// The unit leader's approval (分管领导审签) between a liaison's submit and the office: approve (the report reaches the
/// office, with who approved and when) or send back with a comment (the liaison revises). The rules are on
/// <see cref="Report"/>; this loads, checks who may, saves with an audit record.
/// </summary>
public sealed class ReportApproval(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<LeadershipText> text,
    IStringLocalizer<ReportsText> reportsText)
{
    /// <summary>Whether a submit for this unit waits for its leader; called by the submit action.</summary>
    public static Task<bool> RequiredForAsync(JiaowangDb db, int unitId, CancellationToken ct = default) =>
        db.Units.AnyAsync(u => u.Id == unitId && u.LeaderApprovesReports, ct);

    public Task<Outcome<Report>> ApproveAsync(Caller caller, int id, int? version, CancellationToken ct = default) =>
        ChangeAsync(caller, id, version, "approve", (r, at) => r.Approve(caller.UserName, at), ct);

    public Task<Outcome<Report>> SendBackAsync(Caller caller, int id, string? comment, int? version, CancellationToken ct = default)
    {
        if (!RichText.IsSafePlainText(comment)) return Task.FromResult<Outcome<Report>>(Refusal.Invalid("comment", reportsText["Text.Unsafe"]));
        return ChangeAsync(caller, id, version, "sendBack", (r, at) => r.SendBack(caller.UserName, comment ?? "", at), ct);
    }

    async Task<Outcome<Report>> ChangeAsync(Caller caller, int id, int? version, string action,
        Func<Report, DateTimeOffset, ReportError?> change, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !caller.CanSee(report.UnitId)) return Refusal.NotFound(reportsText["Report.NotFound"]);
        // Only the leader bound to the report's own unit signs it: not the office, not another unit's leader.
        if (caller.LeadsUnitId != report.UnitId) return Refusal.Forbidden(text["Approval.NotYourUnit"]);
        if (version is { } v && v != report.Version) return Refusal.Conflict(reportsText["Report.Stale", v, report.Version]);
        db.Entry(report).Property(r => r.Version).OriginalValue = version ?? report.Version;

        var before = ReportActions.Snapshot(report);
        if (change(report, clock.GetUtcNow()) is { } error)
        {
            return error == ReportError.CommentRequired
                ? Refusal.Invalid("comment", text["Approval.CommentRequired"])
                : Refusal.Conflict(text["Approval.NotAwaiting", reportsText[$"State.{report.State}"]]);
        }
        try
        {
            await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Report", id.ToString(), action, before,
                new { state = report.State.ToString(), report.Version, report.ApprovedBy, report.ApprovedAt, report.ReviewComment })], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(reportsText["Report.Stale", version ?? 0, report.Version]);
        }
        return report;
    }

    /// <summary>Reports waiting for the caller's signature (a unit leader), or every unit's for the office, oldest first.</summary>
    public async Task<List<AwaitingReport>> AwaitingAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsOffice && caller.LeadsUnitId is null) return [];
        var query = db.Reports.AsNoTracking().Where(r => r.State == ReportState.AwaitingApproval);
        if (!caller.IsOffice) query = query.Where(r => r.UnitId == caller.LeadsUnitId);
        var rows = await query.OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Version, r.UnitId, r.TaskId, r.Period!.Kind, r.Period.Start, r.Period.Deadline, r.Text, r.UpdatedAt })
            .ToListAsync(ct);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var taskIds = rows.Where(r => r.TaskId != null).Select(r => r.TaskId!.Value).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number + ". " + t.Title, ct);
        return rows.Select(r => new AwaitingReport(r.Id, r.Version, r.UnitId, units[r.UnitId], r.TaskId, r.TaskId is { } t ? tasks[t] : null,
            r.Kind, r.Start, r.Deadline, r.Text, r.UpdatedAt)).ToList();
    }

    public async Task<Outcome<UnitApproval>> GetAsync(int unitId, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new UnitApproval(u.Id, u.Name, u.LeaderApprovesReports)).FirstOrDefaultAsync(ct);
        if (unit is null) return Refusal.NotFound(text["Approval.UnknownUnit"]);
        return unit;
    }

    /// <summary>The office, or the unit's own leader, switches the leader's approval on or off.</summary>
    public async Task<Outcome<UnitApproval>> SetRequiredAsync(Caller caller, int unitId, bool required, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Refusal.NotFound(text["Approval.UnknownUnit"]);
        if (!caller.IsOffice && caller.LeadsUnitId != unitId) return Refusal.Forbidden(text["Approval.SwitchNotYours"]);
        // Switching off with reports still waiting would strand them: the leader signs or sends them back first.
        if (!required && await db.Reports.AnyAsync(r => r.UnitId == unitId && r.State == ReportState.AwaitingApproval, ct))
            return Refusal.Conflict(text["Approval.StillWaiting"]);
        var before = unit.LeaderApprovesReports;
        unit.LeaderApprovesReports = required;
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Unit", unitId.ToString(), "approval",
            new { leaderApprovesReports = before }, new { leaderApprovesReports = required })], ct);
        return new UnitApproval(unit.Id, unit.Name, required);
    }
}
