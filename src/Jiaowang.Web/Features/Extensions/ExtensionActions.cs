using Jiaowang.Core.Meetings;
using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Extensions;

/// <param name="Kind">report or followUp.</param>
/// <param name="State">pending, approved or refused.</param>
/// <param name="PreviousDue">The due date when the unit asked.</param>
public sealed record ExtensionItem(int Id, int UnitId, string UnitName, string Kind, int? ReportId, int? FollowUpId, int? PeriodId, int? TaskId,
    string Subject, DateOnly PreviousDue, DateOnly Until, string Reason, string State, string RequestedBy, DateTimeOffset RequestedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>
/// 延期: a unit asks for a later due date for one report or follow-up; the office approves (the date moves for that unit
/// only, through <see cref="DueDates"/> for reports and on the follow-up itself) or refuses with a reason.
/// </summary>
public sealed class ExtensionActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<InstrumentsText> text, IServiceProvider services)
{
    public static object Snapshot(Extension e) => new { e.UnitId, e.PeriodId, e.TaskId, e.ReportId, e.FollowUpId, e.PreviousDue, e.Until, e.Reason, state = e.State.ToString(), e.DecidedBy, e.DecisionNote };

    public async Task<Outcome<ExtensionItem>> RequestAsync(Caller caller, int? reportId, int? followUpId, DateOnly? until, string? reason, CancellationToken ct = default)
    {
        if (caller.UnitId is not { } unitId) return Refusal.Forbidden(text["Extension.OnlyLiaisons"]);
        if ((reportId is null) == (followUpId is null)) return Refusal.Invalid("reportId", text["Extension.OneItem"]);
        if (until is null) return Refusal.Invalid("until", text["Extension.UntilRequired"]);
        if (Problem("reason", reason, required: true) is { } bad) return bad;

        var extension = new Extension { UnitId = unitId, Until = until.Value, Reason = reason!.Trim(), RequestedBy = caller.UserName, RequestedAt = clock.GetUtcNow() };
        if (reportId is { } rid)
        {
            var report = await db.Reports.AsNoTracking().Include(r => r.Period).FirstOrDefaultAsync(r => r.Id == rid, ct);
            // Another unit's report is not found, as everywhere.
            if (report is null || report.UnitId != unitId) return Refusal.NotFound(text["Extension.ItemNotFound"]);
            if (report.State is ReportState.Submitted or ReportState.Accepted or ReportState.AwaitingApproval) return Refusal.Conflict(text["Extension.AlreadySent"]);
            var due = await DueDates.LoadAsync(db, [report.PeriodId], ct);
            (extension.ReportId, extension.PeriodId, extension.TaskId) = (rid, report.PeriodId, report.TaskId);
            extension.PreviousDue = due.Of(report.Period!, report.TaskId, unitId);
        }
        else
        {
            var item = await db.FollowUps.AsNoTracking().FirstOrDefaultAsync(f => f.Id == followUpId, ct);
            if (item is null || item.UnitId != unitId) return Refusal.NotFound(text["Extension.ItemNotFound"]);
            if (item.State == FollowUpState.Done) return Refusal.Conflict(text["Extension.AlreadySent"]);
            extension.FollowUpId = item.Id;
            extension.PreviousDue = item.Deadline;
        }
        if (extension.Until <= extension.PreviousDue) return Refusal.Invalid("until", text["Extension.UntilTooEarly", extension.PreviousDue.ToString("yyyy-MM-dd")]);
        if (extension.Until > extension.PreviousDue.AddYears(1)) return Refusal.Invalid("until", text["Extension.UntilTooLate"]);
        var pending = await db.Extensions.AnyAsync(e => e.State == RequestState.Pending && e.UnitId == unitId
            && (reportId != null ? e.PeriodId == extension.PeriodId && e.TaskId == extension.TaskId : e.FollowUpId == followUpId), ct);
        if (pending) return Refusal.Conflict(text["Extension.AlreadyPending"]);

        db.Extensions.Add(extension);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Extension", extension.Id.ToString(), "request", null, Snapshot(extension))], ct);
        var listed = (await ListAsync(caller, null, extension.Id, ct)).Single();
        await Notify.PublishAsync(services, new NotificationEvent("extension.requested", $"延期申请：{listed.UnitName}", $"Extension requested: {listed.UnitName}",
            $"{listed.Subject}，申请延期至 {listed.Until:yyyy-MM-dd}：{listed.Reason}", $"{listed.Subject}, until {listed.Until:yyyy-MM-dd}: {listed.Reason}",
            "/office/requests", [], []), ct);
        return listed;
    }

    public async Task<Outcome<ExtensionItem>> DecideAsync(Caller caller, int id, bool approve, string? note, CancellationToken ct = default)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Request.OnlyOffice"]);
        if (Problem("note", note, required: !approve) is { } bad) return bad;
        var extension = await db.Extensions.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (extension is null) return Refusal.NotFound(text["Extension.NotFound"]);
        var before = Snapshot(extension);
        var at = clock.GetUtcNow();
        var error = approve ? extension.Approve(caller.UserName, at, note) : extension.Refuse(caller.UserName, at, note);
        if (error is RequestError.NotPending) return Refusal.Conflict(text["Request.NotPending"]);
        if (error is RequestError.NoteRequired) return Refusal.Invalid("note", text["Request.NoteRequired"]);

        var records = new List<AuditRecord> { new("Extension", id.ToString(), approve ? "approve" : "refuse", before, Snapshot(extension)) };
        if (approve && extension.FollowUpId is { } fid)
        {
            // A follow-up belongs to one unit: its own deadline moves.
            var item = await db.FollowUps.FirstAsync(f => f.Id == fid, ct);
            records.Add(new AuditRecord("FollowUp", fid.ToString(), "extend", new { item.Deadline }, new { Deadline = extension.Until }));
            item.Deadline = extension.Until;
        }
        await audit.SaveAsync(db, caller.UserName, () => records, ct);
        var listed = (await ListAsync(caller, null, id, ct)).Single();
        await Notify.PublishAsync(services, new NotificationEvent(approve ? "extension.approved" : "extension.refused",
            approve ? $"延期至 {listed.Until:yyyy-MM-dd} 已批准" : "延期申请未获批准",
            approve ? $"Extension to {listed.Until:yyyy-MM-dd} approved" : "Extension refused",
            listed.Subject + (listed.DecisionNote is { } n ? "：" + n : ""), listed.Subject + (listed.DecisionNote is { } m ? ": " + m : ""),
            "/work/requests", [], [listed.UnitId], listed.TaskId is null ? null : "task", listed.TaskId), ct);
        return listed;
    }

    /// <summary>The office sees every request; a liaison their own unit's.</summary>
    public async Task<List<ExtensionItem>> ListAsync(Caller caller, RequestState? state, int? id = null, CancellationToken ct = default)
    {
        var query = db.Extensions.AsNoTracking();
        if (!caller.IsOffice) query = query.Where(e => e.UnitId == caller.UnitId);
        if (state is { } s) query = query.Where(e => e.State == s);
        if (id is { } one) query = query.Where(e => e.Id == one);
        var rows = await query.OrderByDescending(e => e.Id).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var periodIds = rows.Where(r => r.PeriodId != null).Select(r => r.PeriodId!.Value).Distinct().ToList();
        var periods = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var taskIds = rows.Where(r => r.TaskId != null).Select(r => r.TaskId!.Value).Distinct().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => $"{t.Number}. {t.Title}", ct);
        var followIds = rows.Where(r => r.FollowUpId != null).Select(r => r.FollowUpId!.Value).Distinct().ToList();
        var follows = await db.FollowUps.AsNoTracking().Where(f => followIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Text, ct);
        string Subject(Extension e) => e.FollowUpId is { } f ? text["Extension.FollowUp", follows.GetValueOrDefault(f) ?? ""]
            : text["Extension.Report", periods[e.PeriodId!.Value].Start.ToString("yyyy-MM"), text["Kind." + Periods.KindCode(periods[e.PeriodId!.Value].Kind)],
                e.TaskId is { } t ? tasks.GetValueOrDefault(t) ?? "" : text["Extension.UnitSummary"]];
        return rows.Select(e => new ExtensionItem(e.Id, e.UnitId, units.GetValueOrDefault(e.UnitId) ?? "", e.FollowUpId is null ? "report" : "followUp",
            e.ReportId, e.FollowUpId, e.PeriodId, e.TaskId, Subject(e), e.PreviousDue, e.Until, e.Reason, Code(e.State), e.RequestedBy, e.RequestedAt,
            e.DecidedBy, e.DecidedAt, e.DecisionNote)).ToList();
    }

    public static string Code(RequestState state) => state switch
    {
        RequestState.Pending => "pending",
        RequestState.Approved => "approved",
        _ => "refused",
    };

    public static RequestState? ParseState(string? state) => state switch
    {
        "pending" => RequestState.Pending,
        "approved" => RequestState.Approved,
        "refused" => RequestState.Refused,
        _ => null,
    };

    Refusal? Problem(string field, string? value, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) return Refusal.Invalid(field, text[field == "reason" ? "Request.ReasonRequired" : "Request.NoteRequired"]);
        if (value is { Length: > 2000 }) return Refusal.Invalid(field, text["Request.TooLong", 2000]);
        if (!RichText.IsSafePlainText(value)) return Refusal.Invalid(field, text["Request.Unsafe"]);
        return null;
    }
}
