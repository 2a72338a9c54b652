using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Extensions;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.CoSigning;

/// <param name="State">pending, signed or refused.</param>
public sealed record SignatureItem(int UnitId, string UnitName, string State, string? Comment, string? By, DateTimeOffset? At);

/// <param name="State">draft, signing (out to the co-units and visible to the office), accepted or returned.</param>
public sealed record SummaryItem(int Id, int TaskId, string Task, int PeriodId, string PeriodKind, int LeadUnitId, string LeadUnitName, string State,
    string Text, int Version, DateTimeOffset? SentAt, string? ReviewComment, string? ReviewedBy, string? OverrideReason, bool AllAnswered,
    IReadOnlyList<SignatureItem> Signatures);

/// <summary>
/// 会签: the lead unit of a task drafts the task's stage or final summary from its co-units' reports, sends it to each
/// co-unit, which signs or refuses with a comment; the office sees it with the signatures and accepts only when every
/// co-unit has answered, or with an override reason that is audited.
/// </summary>
public sealed class SummaryActions(JiaowangDb db, AuditLog audit, RichText richText, TimeProvider clock, IStringLocalizer<InstrumentsText> text, IServiceProvider services)
{
    static object Snapshot(TaskSummary s) => new
    {
        state = s.State.ToString(), s.Version, s.Text, s.ReviewComment, s.OverrideReason,
        signatures = s.Signatures.Select(x => new { x.UnitId, state = x.State.ToString(), x.Comment }).ToList(),
    };

    /// <summary>Co-units' submitted or accepted monthly reports on the task, for its lead unit (and staff who read all).</summary>
    public async Task<Outcome<List<ReportItem>>> CoReportsAsync(Caller caller, int taskId, int? periodId, CancellationToken ct = default)
    {
        var team = await TaskTeam.LoadAsync(db, taskId, ct);
        if (team is null || !(caller.ReadsAll || team.IsLead(caller.UnitId))) return Refusal.NotFound(text["Summary.TaskNotFound"]);
        var others = team.Leads.Concat(team.Others).Select(o => o.UnitId).Where(u => u != caller.UnitId).ToList();
        var query = db.Reports.AsNoTracking().Where(r => r.TaskId == taskId && others.Contains(r.UnitId)
            && (r.State == ReportState.Submitted || r.State == ReportState.Accepted));
        if (periodId is { } pid && await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) is { } period)
        {
            // A summary looks back over its phase (a final summary over the whole plan).
            var covered = db.Periods.Where(p => p.PlanId == period.PlanId && p.Kind == PeriodKind.Monthly && p.Start <= period.End
                && (period.Kind != PeriodKind.StageSummary || p.PhasePosition == period.PhasePosition)).Select(p => p.Id);
            query = query.Where(r => covered.Contains(r.PeriodId));
        }
        var reports = await query.OrderBy(r => r.PeriodId).ThenBy(r => r.UnitId).ToListAsync(ct);
        return reports.Select(r => ReportItem.From(r)).ToList();
    }

    public async Task<Outcome<SummaryItem>> CreateAsync(Caller caller, int taskId, int? periodId, string? body, CancellationToken ct = default)
    {
        if (caller.UnitId is not { } unitId) return Refusal.Forbidden(text["Extension.OnlyLiaisons"]);
        var team = await TaskTeam.LoadAsync(db, taskId, ct);
        if (team is null || !team.IsMember(unitId)) return Refusal.NotFound(text["Summary.TaskNotFound"]);
        if (!team.IsLead(unitId)) return Refusal.Forbidden(text["Summary.OnlyLead"]);
        var period = periodId is { } pid ? await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.PlanId == team.PlanId, ct) : null;
        if (period is null || period.Kind == PeriodKind.Monthly) return Refusal.Invalid("periodId", text["Summary.PeriodRequired"]);
        if (await db.TaskSummaries.Where(s => s.PlanTaskId == taskId && s.PeriodId == period.Id && s.LeadUnitId == unitId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct) is { } existing)
            return Refusal.Conflict(text["Summary.Exists", existing]);
        var summary = TaskSummary.Start(taskId, period.Id, unitId, richText.Clean(body), caller.UserName, clock.GetUtcNow());
        db.TaskSummaries.Add(summary);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("TaskSummary", summary.Id.ToString(), "create", null, Snapshot(summary))], ct);
        return await ItemAsync(summary, ct);
    }

    /// <summary>The summary if the caller may read it: staff, the lead unit, and the units asked to sign it.</summary>
    public async Task<TaskSummary?> FindAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var summary = await db.TaskSummaries.Include(s => s.Signatures).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (summary is null) return null;
        if (caller.ReadsAll || caller.UnitId == summary.LeadUnitId) return summary;
        if (caller.UnitId is { } u && summary.Signatures.Any(x => x.UnitId == u)) return summary;
        return null;
    }

    public async Task<List<SummaryItem>> ListAsync(Caller caller, int? taskId, string? state, CancellationToken ct = default)
    {
        var query = db.TaskSummaries.AsNoTracking().Include(s => s.Signatures).AsQueryable();
        if (!caller.ReadsAll) query = query.Where(s => s.LeadUnitId == caller.UnitId || s.Signatures.Any(x => x.UnitId == caller.UnitId));
        if (taskId is { } t) query = query.Where(s => s.PlanTaskId == t);
        if (Enum.TryParse<SummaryState>(state, ignoreCase: true, out var st)) query = query.Where(s => s.State == st);
        // The office's queue holds what was sent; drafts stay with the lead unit.
        if (caller.ReadsAll && caller.UnitId is null) query = query.Where(s => s.State != SummaryState.Draft);
        var list = new List<SummaryItem>();
        foreach (var s in await query.OrderByDescending(s => s.Id).ToListAsync(ct)) list.Add(await ItemAsync(s, ct));
        return list;
    }

    public Task<Outcome<SummaryItem>> EditAsync(Caller caller, int id, string? body, int version, CancellationToken ct = default) =>
        ChangeAsync(caller, id, version, Who.Lead, "edit", s => s.Edit(richText.Clean(body), caller.UserName, clock.GetUtcNow()), ct);

    public async Task<Outcome<SummaryItem>> SendAsync(Caller caller, int id, int? version, CancellationToken ct = default)
    {
        var summary = await FindAsync(caller, id, ct);
        var team = summary is null ? null : await TaskTeam.LoadAsync(db, summary.PlanTaskId, ct);
        var signers = team?.SignersFor(summary!.LeadUnitId).Select(o => o.UnitId).ToList() ?? [];
        var outcome = await ChangeAsync(caller, id, version, Who.Lead, "send", s => s.Send(signers, caller.UserName, clock.GetUtcNow()), ct);
        if (outcome.Value is { } item)
            await Notify.PublishAsync(services, new NotificationEvent("summary.cosign", $"请会签：{item.Task}", $"Please co-sign: {item.Task}",
                $"{item.LeadUnitName}报来总结，请会签", $"{item.LeadUnitName} asks you to co-sign its summary", $"/work/summaries/{id}", [], signers, "task", item.TaskId), ct);
        return outcome;
    }

    public async Task<Outcome<SummaryItem>> AnswerAsync(Caller caller, int id, bool agree, string? comment, int? version, CancellationToken ct = default)
    {
        if (!RichText.IsSafePlainText(comment) || comment is { Length: > 4000 }) return Refusal.Invalid("comment", text["Request.Unsafe"]);
        var outcome = await ChangeAsync(caller, id, version, Who.Signer, agree ? "sign" : "refuse",
            s => s.Answer(caller.UnitId ?? 0, agree, comment, caller.UserName, clock.GetUtcNow()), ct);
        if (outcome.Value is { } item && !agree)
            await Notify.PublishAsync(services, new NotificationEvent("summary.refused", $"会签未同意：{item.Task}", $"Co-signing refused: {item.Task}",
                comment, comment, $"/work/summaries/{id}", [], [item.LeadUnitId], "task", item.TaskId), ct);
        return outcome;
    }

    public Task<Outcome<SummaryItem>> AcceptAsync(Caller caller, int id, string? overrideReason, int? version, CancellationToken ct = default)
    {
        if (!RichText.IsSafePlainText(overrideReason) || overrideReason is { Length: > 2000 })
            return Task.FromResult<Outcome<SummaryItem>>(Refusal.Invalid("overrideReason", text["Request.Unsafe"]));
        return ChangeAsync(caller, id, version, Who.Office, "accept", s => s.Accept(caller.UserName, overrideReason, clock.GetUtcNow()), ct);
    }

    public Task<Outcome<SummaryItem>> ReturnAsync(Caller caller, int id, string? comment, int? version, CancellationToken ct = default)
    {
        if (!RichText.IsSafePlainText(comment) || comment is { Length: > 4000 })
            return Task.FromResult<Outcome<SummaryItem>>(Refusal.Invalid("comment", text["Request.Unsafe"]));
        return ChangeAsync(caller, id, version, Who.Office, "return", s => s.Return(caller.UserName, comment, clock.GetUtcNow()), ct);
    }

    enum Who { Lead, Signer, Office }

    async Task<Outcome<SummaryItem>> ChangeAsync(Caller caller, int id, int? version, Who who, string action, Func<TaskSummary, SummaryError?> change, CancellationToken ct)
    {
        var summary = await FindAsync(caller, id, ct);
        if (summary is null) return Refusal.NotFound(text["Summary.NotFound"]);
        var allowed = who switch
        {
            Who.Lead => caller.UnitId == summary.LeadUnitId,
            Who.Signer => caller.UnitId is { } u && summary.Signatures.Any(x => x.UnitId == u),
            _ => caller.IsOffice,
        };
        if (!allowed) return Refusal.Forbidden(text[$"Summary.Only{who}"]);
        if (version is { } v && v != summary.Version) return Refusal.Conflict(text["Summary.Stale", v, summary.Version]);
        db.Entry(summary).Property(s => s.Version).OriginalValue = version ?? summary.Version;
        var before = Snapshot(summary);
        if (change(summary) is { } error)
        {
            return error switch
            {
                SummaryError.TextRequired => Refusal.Invalid("text", text["Summary.TextRequired"]),
                SummaryError.CommentRequired => Refusal.Invalid(action == "accept" ? "overrideReason" : "comment", text["Summary.CommentRequired"]),
                SummaryError.Unanswered => Refusal.Conflict(text["Summary.Unanswered"]),
                _ => Refusal.Conflict(text[$"Summary.{error}"]),
            };
        }
        try
        {
            await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("TaskSummary", id.ToString(), action, before, Snapshot(summary))], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(text["Summary.Stale", version ?? 0, summary.Version]);
        }
        return await ItemAsync(summary, ct);
    }

    public async Task<SummaryItem> ItemAsync(TaskSummary s, CancellationToken ct = default)
    {
        var unitIds = s.Signatures.Select(x => x.UnitId).Append(s.LeadUnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == s.PlanTaskId).Select(t => new { t.Number, t.Title }).FirstAsync(ct);
        var kind = await db.Periods.AsNoTracking().Where(p => p.Id == s.PeriodId).Select(p => p.Kind).FirstAsync(ct);
        return new SummaryItem(s.Id, s.PlanTaskId, $"{task.Number}. {task.Title}", s.PeriodId, Periods.KindCode(kind), s.LeadUnitId, names[s.LeadUnitId],
            Code(s.State), s.Text, s.Version, s.SentAt, s.ReviewComment, s.ReviewedBy, s.OverrideReason, s.AllAnswered,
            s.Signatures.OrderBy(x => names.GetValueOrDefault(x.UnitId), StringComparer.Ordinal)
                .Select(x => new SignatureItem(x.UnitId, names.GetValueOrDefault(x.UnitId) ?? "", Code(x.State), x.Comment, x.By, x.At)).ToList());
    }

    public static string Code(SummaryState s) => s switch
    {
        SummaryState.Draft => "draft", SummaryState.Signing => "signing", SummaryState.Accepted => "accepted", _ => "returned",
    };

    public static string Code(SignatureState s) => s switch { SignatureState.Pending => "pending", SignatureState.Signed => "signed", _ => "refused" };
}
