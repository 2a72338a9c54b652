using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Notices;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Notifications;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>
/// One round of the escalation ladder on a given day: for every report still owed after its deadline, each step it has
/// reached (docs/SUPERVISION.md, "Ladder") is taken once — a row (item, step) claims it under a unique index before
/// anything is sent, so a second round, a second scope or a second instance finds it taken. Unacknowledged notices and
/// instructions (签收) get their step too.
/// </summary>
public sealed class LadderService(JiaowangDb db, AuditLog audit, INotifier notifier, NoticeService notices, IOptions<ReportingOptions> reporting,
    TimeProvider clock, ILogger<LadderService> logger)
{
    public const string Actor = "system:ladder";

    /// <summary>
    /// The steps already taken, (item, step), read once per round: every round looks at every owed report and every
    /// unacknowledged task again, and asking the database each time (or letting the unique index refuse a step taken
    /// before) cost a round trip, or a rolled-back transaction, per item and step. The unique index still decides
    /// between two instances taking the same step at once.
    /// </summary>
    HashSet<(string Item, string Step)> takenSteps = [];

    public static async Task<LadderSettingsRow> SettingsAsync(JiaowangDb db, int planId, DateOnly today, CancellationToken ct)
    {
        return await db.LadderSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, ct)
            ?? new LadderSettingsRow { PlanId = planId, StartsOn = today };
    }

    /// <returns>The number of steps taken.</returns>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        takenSteps = (await db.SupervisionEntries.AsNoTracking().Where(e => e.Once != null).Select(e => new { e.Item, e.Once }).ToListAsync(ct))
            .Select(e => (e.Item, e.Once!)).ToHashSet();
        var steps = 0;
        foreach (var planId in await db.Plans.Select(p => p.Id).ToListAsync(ct))
        {
            var row = await db.LadderSettings.FirstOrDefaultAsync(s => s.PlanId == planId, ct);
            if (row is null)
            {
                // The ladder starts the first day it sees a plan: older arrears are not escalated all at once.
                row = new LadderSettingsRow { PlanId = planId, StartsOn = today, UpdatedBy = Actor, UpdatedAt = clock.GetUtcNow() };
                db.LadderSettings.Add(row);
                try
                {
                    await audit.SaveAsync(db, Actor, () => [new AuditRecord("LadderSettings", planId.ToString(), "start", null, new { row.StartsOn })], ct);
                }
                catch (DbUpdateException e) when (ConflictExceptionHandler.IsLostRace(e))
                {
                    db.ChangeTracker.Clear();
                    row = await db.LadderSettings.AsNoTracking().SingleAsync(s => s.PlanId == planId, ct);
                }
            }
            var settings = row.Settings;
            if (!settings.Enabled) continue;
            steps += await OwedAsync(planId, row.StartsOn, settings, today, ct);
            steps += await ReceiptsAsync(planId, row.StartsOn, settings, today, ct);
            steps += await NoticesOverdueAsync(planId, row.StartsOn, settings, today, ct);
        }
        return steps;
    }

    async Task<int> OwedAsync(int planId, DateOnly startsOn, LadderSettings settings, DateOnly today, CancellationToken ct)
    {
        var taken = 0;
        var state = await SupervisionState.LoadAsync(db, planId, today, reporting.Value, ct);
        foreach (var period in state.PlanPeriods.Where(p => p.Deadline >= startsOn && p.Deadline <= today).OrderBy(p => p.Deadline))
        {
            foreach (var owed in state.Outstanding(period))
            {
                var item = RelatesTo.OwedItem(period.Id, owed.TaskId, owed.UnitId);
                var reached = Ladder.Reached(period.Deadline, today, settings).Where(s => !takenSteps.Contains((item, Ladder.Code(s)))).ToList();
                if (reached.Count == 0) continue;
                var what = $"{TextSetup.Month(owed.PeriodStart)}{(owed.TaskNumber is { } n ? $" {n}. {owed.TaskTitle}" : " 工作总结")}";
                foreach (var step in reached)
                {
                    if (await TakeAsync(item, step, owed.UnitId, period.Deadline, what, $"owed:{period.Id}:{(owed.TaskId is { } t ? t.ToString() : "final")}", settings, today, ct, state)) taken++;
                }
            }
        }
        return taken;
    }

    async Task<int> ReceiptsAsync(int planId, DateOnly startsOn, LadderSettings settings, DateOnly today, CancellationToken ct)
    {
        var taken = 0;
        var acknowledged = await db.Receipts.AsNoTracking().Select(r => new { r.Kind, r.ItemId, r.UnitId }).ToListAsync(ct);
        bool Acknowledged(string kind, int id, int unit) => acknowledged.Any(a => a.Kind == kind && a.ItemId == id && a.UnitId == unit);
        var open = await db.Notices.AsNoTracking().Where(n => n.PlanId == planId && n.Status == NoticeStatus.Open).ToListAsync(ct);
        foreach (var notice in open.Where(n => !Acknowledged("notice", n.Id, n.UnitId)))
        {
            var arrived = DateOnly.FromDateTime(notice.IssuedAt.ToLocalTime().DateTime);
            if (arrived < startsOn || !Ladder.ReceiptOverdue(arrived, today, settings)) continue;
            if (await TakeAsync(NoticeService.Item(notice.Id), LadderStep.Unacknowledged, notice.UnitId, arrived, $"督办单 {notice.Number}", null, settings, today, ct)) taken++;
        }
        // Tasks reach their units when the plan is imported (or when the ladder starts, for a plan older than it).
        var imported = DateOnly.FromDateTime((await db.Plans.Where(p => p.Id == planId).Select(p => p.ImportedAt).SingleAsync(ct)).ToLocalTime().DateTime);
        var tasksArrived = imported > startsOn ? imported : startsOn;
        if (Ladder.ReceiptOverdue(tasksArrived, today, settings))
        {
            foreach (var owed in (await Shared.Reporting.Owing.ForPlanAsync(db, planId, ct)).DistinctBy(o => (o.PlanTaskId, o.UnitId)))
            {
                if (Acknowledged("task", owed.PlanTaskId, owed.UnitId)) continue;
                if (await TakeAsync($"task:{owed.PlanTaskId}:{owed.UnitId}", LadderStep.Unacknowledged, owed.UnitId, tasksArrived,
                        $"任务 {owed.Number}. {owed.Title}", null, settings, today, ct)) taken++;
            }
        }
        // Instructions belong to no plan: the first plan's round looks at them.
        if (planId != await db.Plans.MinAsync(p => p.Id, ct)) return taken;
        var instructions = await db.Instructions.AsNoTracking().Where(i => i.Answer == null).ToListAsync(ct);
        foreach (var instruction in instructions.Where(i => !Acknowledged("instruction", i.Id, i.UnitId)))
        {
            var arrived = DateOnly.FromDateTime(instruction.At.ToLocalTime().DateTime);
            if (arrived < startsOn || !Ladder.ReceiptOverdue(arrived, today, settings)) continue;
            if (await TakeAsync($"instruction:{instruction.Id}", LadderStep.Unacknowledged, instruction.UnitId, arrived, "领导批示", null, settings, today, ct)) taken++;
        }
        return taken;
    }

    /// <summary>
    /// A notice whose respond-by day passed with no answer (still open: not answered, or reopened by the office and not
    /// answered again) takes the step once: named in the next bulletin and on the leaders' dashboard until it is answered.
    /// </summary>
    async Task<int> NoticesOverdueAsync(int planId, DateOnly startsOn, LadderSettings settings, DateOnly today, CancellationToken ct)
    {
        var taken = 0;
        var late = await db.Notices.AsNoTracking()
            .Where(n => n.PlanId == planId && n.Status == NoticeStatus.Open && n.RespondBy < today && n.RespondBy >= startsOn).OrderBy(n => n.Id).ToListAsync(ct);
        foreach (var notice in late.Where(n => Ladder.NoticeOverdue(n.Status, n.RespondBy, today, settings)))
        {
            if (await TakeAsync(NoticeService.Item(notice.Id), LadderStep.NoticeOverdue, notice.UnitId, notice.RespondBy, $"督办单 {notice.Number}", null,
                    settings, today, ct)) taken++;
        }
        return taken;
    }

    /// <summary>Claims the step (the unique row), then sends it; a step claimed by someone else is skipped.</summary>
    /// <param name="state">The plan's state today, which a notice about an owed report is judged by (loaded once per round).</param>
    async Task<bool> TakeAsync(string item, LadderStep step, int unitId, DateOnly since, string what, string? relatesTo, LadderSettings settings,
        DateOnly today, CancellationToken ct, SupervisionState? state = null)
    {
        var code = Ladder.Code(step);
        if (takenSteps.Contains((item, code))) return false;
        var line = step switch
        {
            LadderStep.Unacknowledged => $"{what}：{TextSetup.Day(since)}送达，{settings.ReceiptWorkingDays}个工作日内未签收，提醒签收。",
            LadderStep.DueDay => $"{what}：今天（{TextSetup.Day(since)}）截止，尚未报送，到期催办。",
            LadderStep.SecondReminder => $"{what}：逾期{WorkingDays.Between(since, today)}个工作日未报送，二次催办，并告单位分管领导。",
            LadderStep.Notice => $"{what}：逾期{WorkingDays.Between(since, today)}个工作日未报送，下发督办单。",
            LadderStep.Bulletin => $"{what}：逾期{WorkingDays.Between(since, today)}个工作日未报送，列入下期工作通报。",
            LadderStep.NoticeOverdue => $"{what}：应于{TextSetup.Day(since)}前答复，逾期未答复，列入下期工作通报并报领导关注。",
            _ => $"{what}：逾期{WorkingDays.Between(since, today)}个工作日未报送，报领导关注。",
        };
        var entry = new SupervisionEntry { Item = item, Step = code, Once = code, UnitId = unitId, Text = line, By = Actor, At = clock.GetUtcNow() };
        db.SupervisionEntries.Add(entry);
        try
        {
            await audit.SaveAsync(db, Actor, () => [new AuditRecord("Ladder", item, code, null, new { unitId, line })], ct);
        }
        catch (DbUpdateException e) when (ConflictExceptionHandler.IsLostRace(e))
        {
            // Another round (another instance) took this step a moment ago.
            db.Entry(entry).State = EntityState.Detached;
            return false;
        }
        takenSteps.Add((item, code));

        try
        {
            if (step == LadderStep.Notice && relatesTo is not null)
            {
                var outcome = await notices.IssueAsync(new NewNotice(unitId, $"{what}逾期未报", WorkingDays.Add(today, settings.NoticeRespondDays), relatesTo), Actor,
                    automatic: true, state, ct);
                if (outcome.Refusal is { } refusal) throw new InvalidOperationException(refusal.Message);
                entry.NoticeId = outcome.Value!.Id;
                entry.Text += $"（{outcome.Value.Number}）";
                await db.SaveChangesAsync(ct);
                return true;
            }
            await notifier.PublishAsync(new NotificationEvent("ladder." + code, Ladder.NameZh(step) + "：" + what, Ladder.NameEn(step) + ": " + what, line, null,
                "/work", [], [unitId], "unit", unitId, AlsoUnitLeaders: step is LadderStep.SecondReminder or LadderStep.Leaders or LadderStep.NoticeOverdue), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not sent: give the step back so that the next round takes it again, rather than pretend it happened.
            takenSteps.Remove((item, code));
            logger.LogError(e, "Ladder step {Step} for {Item} could not be sent", code, item);
            db.ChangeTracker.Clear();
            if (await db.SupervisionEntries.FirstOrDefaultAsync(x => x.Id == entry.Id, ct) is { } claimed)
            {
                db.SupervisionEntries.Remove(claimed);
                await audit.SaveAsync(db, Actor, () => [new AuditRecord("Ladder", item, code + ":retry", null, new { error = e.Message })], ct);
            }
            return false;
        }
    }
}
