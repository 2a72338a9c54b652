using Jiaowang.Web.Features.Notifications;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>
/// What liaisons and the office do with reports, shared by the API and the pages: load, check who may, call the rule on
/// <see cref="Report"/>, save with the audit entry. The rules themselves live in the Core type.
/// </summary>
public sealed class ReportActions(JiaowangDb db, AuditLog audit, RichText richText, TimeProvider clock, IStringLocalizer<ReportsText> text,
    Shared.Notifications.INotifier notifier)
{
    public static object Snapshot(Report r) => new { state = r.State.ToString(), r.Version, r.Text, r.ReviewComment };

    public async Task<Outcome<Report>> CreateAsync(Caller caller, int periodId, int? taskId, string? body, CancellationToken ct = default)
    {
        if (caller.UnitId is not { } unitId) return Refusal.Forbidden(text["Report.OnlyLiaisons"]);
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return Refusal.Invalid("periodId", text["Report.UnknownPeriod"]);
        if (await Plans.PlanLifecycles.IsClosedAsync(db, period.PlanId, ct)) return Refusal.Conflict(text["Plan.Closed"]);
        if (!period.PerTask) taskId = null;
        else if (taskId is null) return Refusal.Invalid("taskId", text["Report.TaskRequired"]);
        else
        {
            // Named in the task itself or through its group (各区人民政府): the same rule as every list of what is owed.
            var ours = await db.Tasks.AnyAsync(t => t.Id == taskId && t.Group!.PlanId == period.PlanId, ct) && await Owing.OwesAsync(db, taskId.Value, unitId, ct);
            if (!ours) return Refusal.Forbidden(text["Report.NotYourTask"]);
        }
        var existing = await db.Reports.Where(r => r.PeriodId == periodId && r.TaskId == taskId && r.UnitId == unitId).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return Refusal.Conflict(text["Report.Exists", id]);

        var report = Report.Start(periodId, taskId, unitId, richText.Clean(body), caller.UserName, clock.GetUtcNow());
        db.Reports.Add(report);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Report", report.Id.ToString(), "create", null, Snapshot(report))], ct);
        return report;
    }

    /// <summary>The report if the caller may read it; another unit's report is simply not found.</summary>
    public async Task<Report?> FindAsync(Caller caller, int id, bool withVersions = false, CancellationToken ct = default)
    {
        var query = db.Reports.Include(r => r.Period).AsQueryable();
        if (withVersions) query = query.Include(r => r.Versions);
        var report = await query.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        if (caller.CanSee(report.UnitId)) return report;
        // 会签: a task's lead unit reads its co-units' sent reports on that task, and only that task.
        return report is { TaskId: { } taskId, State: ReportState.Submitted or ReportState.Accepted } && caller.UnitId is { } lead
            && await CoSigning.TaskTeam.LeadsAsync(db, taskId, lead, report.UnitId, ct) ? report : null;
    }

    public Task<Outcome<Report>> EditAsync(Caller caller, int id, string? body, int version, CancellationToken ct = default) =>
        ChangeAsync(caller, id, version, writer: true, "edit", (r, at) => r.Edit(richText.Clean(body), caller.UserName, at), ct);

    public async Task<Outcome<Report>> SubmitAsync(Caller caller, int id, int? version, CancellationToken ct = default)
    {
        // A unit that has its leader sign (ReportApproval) submits into the leader's queue, not the office's.
        var leaderApproves = caller.UnitId is { } unitId && await ReportApproval.RequiredForAsync(db, unitId, ct);
        return await ChangeAsync(caller, id, version, writer: true, "submit", (r, at) => r.Submit(caller.UserName, at, leaderApproves), ct);
    }

    public async Task<Outcome<Report>> AcceptAsync(Caller caller, int id, int? version, CancellationToken ct = default)
    {
        var outcome = await ChangeAsync(caller, id, version, writer: false, "accept", (r, at) => r.Accept(caller.UserName, at), ct);
        if (outcome.Value is { } report) await notifier.PublishAsync(await ReportEvents.AcceptedAsync(db, report, ct), ct);
        return outcome;
    }

    public Task<Outcome<Report>> ReturnAsync(Caller caller, int id, string? comment, int? version, CancellationToken ct = default)
    {
        if (!RichText.IsSafePlainText(comment)) return Task.FromResult<Outcome<Report>>(Refusal.Invalid("comment", text["Text.Unsafe"]));
        return ReturnAndTellAsync(caller, id, comment, version, ct);
    }

    async Task<Outcome<Report>> ReturnAndTellAsync(Caller caller, int id, string? comment, int? version, CancellationToken ct)
    {
        var outcome = await ChangeAsync(caller, id, version, writer: false, "return", (r, at) => r.Return(caller.UserName, comment ?? "", at), ct);
        if (outcome.Value is { } report) await notifier.PublishAsync(await ReportEvents.ReturnedAsync(db, report, ct), ct);
        return outcome;
    }

    /// <param name="writer">True for the unit's own actions (edit, submit); false for the office's (accept, return).</param>
    async Task<Outcome<Report>> ChangeAsync(Caller caller, int id, int? version, bool writer, string action,
        Func<Report, DateTimeOffset, ReportError?> change, CancellationToken ct)
    {
        var report = await FindAsync(caller, id, ct: ct);
        if (report is null) return Refusal.NotFound(text["Report.NotFound"]);
        var allowed = writer ? caller.WritesFor(report.UnitId) : caller.IsOffice;
        if (!allowed) return Refusal.Forbidden(text[writer ? "Report.NotYourUnit" : "Report.OnlyOffice"]);
        if (await db.Periods.AnyAsync(p => p.Id == report.PeriodId && db.Plans.Any(x => x.Id == p.PlanId && x.Lifecycle == Core.Plans.PlanLifecycle.Closed), ct))
            return Refusal.Conflict(text["Plan.Closed"]);
        if (version is { } v && v != report.Version) return Stale(report, v);
        // Compare against the version the caller saw, so that a save racing this one fails in the database too.
        db.Entry(report).Property(r => r.Version).OriginalValue = version ?? report.Version;

        var before = Snapshot(report);
        if (change(report, clock.GetUtcNow()) is { } error)
        {
            return error is ReportError.CommentRequired or ReportError.TextRequired
                ? Refusal.Invalid(error == ReportError.CommentRequired ? "comment" : "text", text[$"Report.{error}"])
                : Refusal.Conflict(text[$"Report.{error}", text[$"State.{report.State}"]]);
        }
        try
        {
            await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Report", id.ToString(), action, before, Snapshot(report))], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(report, version ?? 0);
        }
        return report;
    }

    /// <summary>Attaches a file to a draft or returned report of the caller's own unit, after checking its content.</summary>
    public async Task<Outcome<Attachment>> AttachAsync(Caller caller, int id, string fileName, byte[] content, CancellationToken ct = default)
    {
        var report = await FindAsync(caller, id, ct: ct);
        if (report is null) return Refusal.NotFound(text["Report.NotFound"]);
        if (!caller.WritesFor(report.UnitId)) return Refusal.Forbidden(text["Report.NotYourUnit"]);
        if (!report.IsEditable) return Refusal.Conflict(text["Report.NotEditable", text[$"State.{report.State}"]]);
        var name = Path.GetFileName(fileName.Trim());
        if (name.Length == 0 || name.Length > 200 || !RichText.IsSafePlainText(name)) return Refusal.Invalid("fileName", text["Attachment.BadName"]);
        var (type, error) = AttachmentRules.Check(name, content);
        if (error is { } e) return Refusal.Invalid("file", text[$"Attachment.{e}"]);

        var attachment = new Attachment
        {
            ReportId = id, FileName = name, ContentType = type!, Size = content.Length, Sha256 = AttachmentRules.Hash(content),
            Content = content, UploadedBy = caller.UserName, UploadedAt = clock.GetUtcNow(),
        };
        db.Attachments.Add(attachment);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Attachment", attachment.Id.ToString(), "attach", null,
            new { attachment.ReportId, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256 })], ct);
        return attachment;
    }

    /// <summary>Someone saved the report since the caller loaded it.</summary>
    Refusal Stale(Report report, int version) => Refusal.Conflict(text["Report.Stale", version, report.Version]);
}
