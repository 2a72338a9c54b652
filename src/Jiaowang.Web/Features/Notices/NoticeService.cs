using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Notifications;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notices;

public sealed record NewNotice(int UnitId, string? Subject, DateOnly? RespondBy, string? RelatesTo);

public sealed record NoticeAnswer(string? Answer);

/// <param name="Close">True: verified, closed (办结销号); false: reopened, with <paramref name="Comment"/> saying why.</param>
public sealed record NoticeVerification(bool Close, string? Comment);

public sealed record IssuedNotice(int Id, string Number);

/// <summary>Issues, answers and verifies supervision notices (督办单); every change is audited and in the notice's history.</summary>
public sealed class NoticeService(JiaowangDb db, AuditLog audit, TimeProvider clock, INotifier notifier, IOptions<ReportingOptions> reporting,
    IStringLocalizer<NoticesText> text, ILogger<NoticeService> logger)
{
    const int Attempts = 8;

    public static string Item(int noticeId) => $"notice:{noticeId}";

    public Task<Outcome<SupervisionNotice>> IssueAsync(NewNotice request, string by, bool automatic = false, CancellationToken ct = default) =>
        IssueAsync(request, by, automatic, known: null, ct);

    /// <param name="known">The plan's state today, when the caller (the ladder) has loaded it for many notices at once.</param>
    public async Task<Outcome<SupervisionNotice>> IssueAsync(NewNotice request, string by, bool automatic, SupervisionState? known, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unitName = await db.Units.Where(u => u.Id == request.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unitName is null) errors["unitId"] = [text["Notice.UnknownUnit"]];
        var subject = request.Subject?.Trim();
        if (string.IsNullOrEmpty(subject)) errors["subject"] = [text["Notice.SubjectRequired"]];
        else if (subject.Length > NoticeRules.MaxSubject) errors["subject"] = [text["Notice.SubjectTooLong", NoticeRules.MaxSubject]];
        else if (!RichText.IsSafePlainText(subject)) errors["subject"] = [text["Notice.Unsafe"]];
        var today = clock.Today();
        if (request.RespondBy is not { } respondBy) errors["respondBy"] = [text["Notice.RespondByRequired"]];
        else if (respondBy < today) errors["respondBy"] = [text["Notice.RespondByPast"]];
        var relatesTo = RelatesTo.Parse(request.RelatesTo);
        RelatedItem? item = null;
        if (relatesTo is null) errors["relatesTo"] = [text["Notice.RelatesToFormat"]];
        else if (unitName is not null)
        {
            item = await RelatedItems.FindAsync(db, relatesTo, request.UnitId, today, reporting.Value, ct, known);
            if (item is null) errors["relatesTo"] = [text["Notice.RelatesToMissing"]];
        }
        if (errors.Count > 0) return Refusal.Invalid(errors, errors.Values.First()[0]);

        var notice = new SupervisionNotice
        {
            Year = today.Year, UnitId = request.UnitId, PlanId = item!.PlanId, Subject = subject!, RespondBy = request.RespondBy!.Value,
            RelatesTo = relatesTo!.ToString(), Colour = NoticeRules.Colour(item.Due, today, item.BehindPace), Status = NoticeStatus.Open,
            IssuedBy = by, IssuedAt = clock.GetUtcNow(), Automatic = automatic,
        };
        // Gapless per year under concurrency: take the next number, and when another issuer took it first (the unique
        // index on Year + Sequence refuses the second), take the next one again.
        var line = $"{(automatic ? "自动下发" : "下发")}督办单（{NoticeRules.ColourName(notice.Colour)}）：{notice.Subject}；关于 {item.Description}；请于 {TextSetup.Day(notice.RespondBy)} 前答复。";
        for (var attempt = 1; ; attempt++)
        {
            // The notice and its first history line commit together, or neither does.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            notice.Sequence = await db.Notices.Where(n => n.Year == notice.Year).MaxAsync(n => (int?)n.Sequence, ct) + 1 ?? 1;
            db.Notices.Add(notice);
            SupervisionEntry? entry = null;
            try
            {
                await audit.SaveAsync(db, by, () => [new AuditRecord("SupervisionNotice", notice.Id.ToString(), "issue", null, NoticeItem.From(notice, unitName!))], ct);
                entry = History(notice, "issued", $"{notice.Number} " + line, by);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (attempt < Attempts && ConflictExceptionHandler.IsLostRace(e))
            {
                logger.LogInformation(e, "Notice number {Year}/{Sequence} was taken by another issuer; taking the next", notice.Year, notice.Sequence);
                await transaction.RollbackAsync(ct);
                db.Entry(notice).State = EntityState.Detached;
                if (entry is not null) db.Entry(entry).State = EntityState.Detached;
                notice.Id = 0;
            }
        }
        await notifier.PublishAsync(new NotificationEvent("notice.issued", $"督办单 {notice.Number}：{notice.Subject}", $"Supervision notice {notice.Number}: {notice.Subject}",
            $"请于 {TextSetup.Day(notice.RespondBy)} 前签收并答复。", $"Please acknowledge and answer by {notice.RespondBy:yyyy-MM-dd}.",
            $"/notices/{notice.Id}", [], [notice.UnitId], "unit", notice.UnitId), ct);
        return notice;
    }

    public async Task<Outcome<SupervisionNotice>> AnswerAsync(Caller caller, int id, string? answer, CancellationToken ct = default)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct);
        // Another unit's notice does not exist for this caller.
        if (notice is null || !caller.CanSee(notice.UnitId)) return Refusal.NotFound(text["Notice.NotFound"]);
        if (!caller.WritesFor(notice.UnitId)) return Refusal.Forbidden(text["Notice.OnlyTheUnit"]);
        var body = answer?.Trim();
        if (string.IsNullOrEmpty(body)) return Refusal.Invalid("answer", text["Notice.AnswerRequired"]);
        if (body.Length > NoticeRules.MaxAnswer) return Refusal.Invalid("answer", text["Notice.AnswerTooLong", NoticeRules.MaxAnswer]);
        if (!RichText.IsSafePlainText(body)) return Refusal.Invalid("answer", text["Notice.Unsafe"]);
        if (notice.Status != NoticeStatus.Open) return Refusal.Conflict(text["Notice.NotOpen"]);
        notice.Status = NoticeStatus.Answered;
        notice.Answer = body;
        notice.AnsweredBy = caller.UserName;
        notice.AnsweredAt = clock.GetUtcNow();
        notice.Version++;
        History(notice, "answered", "答复：" + body, caller.UserName);
        await SaveAsync(notice, "answer", caller.UserName, ct);
        return notice;
    }

    public async Task<Outcome<SupervisionNotice>> VerifyAsync(Caller caller, int id, NoticeVerification request, CancellationToken ct = default)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return Refusal.NotFound(text["Notice.NotFound"]);
        var comment = request.Comment?.Trim();
        if (!RichText.IsSafePlainText(comment)) return Refusal.Invalid("comment", text["Notice.Unsafe"]);
        if (comment is { Length: > NoticeRules.MaxAnswer }) return Refusal.Invalid("comment", text["Notice.AnswerTooLong", NoticeRules.MaxAnswer]);
        if (!request.Close && string.IsNullOrEmpty(comment)) return Refusal.Invalid("comment", text["Notice.CommentRequired"]);
        if (notice.Status != NoticeStatus.Answered) return Refusal.Conflict(text["Notice.NotAnswered"]);
        notice.Status = request.Close ? NoticeStatus.Closed : NoticeStatus.Open;
        notice.VerifiedBy = caller.UserName;
        notice.VerifiedAt = clock.GetUtcNow();
        notice.Version++;
        History(notice, request.Close ? "closed" : "reopened",
            (request.Close ? "复核通过，办结销号" : "复核未通过，退回重办") + (string.IsNullOrEmpty(comment) ? "。" : "：" + comment), caller.UserName);
        await SaveAsync(notice, request.Close ? "close" : "reopen", caller.UserName, ct);
        await notifier.PublishAsync(new NotificationEvent(request.Close ? "notice.closed" : "notice.reopened",
            $"督办单 {notice.Number} {(request.Close ? "已办结销号" : "复核未通过")}", $"Supervision notice {notice.Number} {(request.Close ? "closed" : "reopened")}",
            comment, comment, $"/notices/{notice.Id}", [], [notice.UnitId], "unit", notice.UnitId), ct);
        return notice;
    }

    async Task SaveAsync(SupervisionNotice notice, string action, string by, CancellationToken ct)
    {
        var unitName = await db.Units.Where(u => u.Id == notice.UnitId).Select(u => u.Name).SingleAsync(ct);
        await audit.SaveAsync(db, by, () => [new AuditRecord("SupervisionNotice", notice.Id.ToString(), action, null, NoticeItem.From(notice, unitName))], ct);
    }

    SupervisionEntry History(SupervisionNotice notice, string step, string line, string by)
    {
        var entry = new SupervisionEntry
        {
            Item = Item(notice.Id), Step = step, UnitId = notice.UnitId, NoticeId = notice.Id, Text = line.Length > 4000 ? line[..4000] : line, By = by, At = clock.GetUtcNow(),
        };
        db.SupervisionEntries.Add(entry);
        return entry;
    }
}
