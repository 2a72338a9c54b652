using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Notices;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Escalation;

public sealed record NewReceipt(string? Kind, int Id);

public sealed record ReceiptItem(string Kind, int Id, int UnitId, string By, DateTimeOffset At);

/// <summary>Something that reached the caller's unit and waits for its acknowledgement (签收).</summary>
public sealed record PendingReceipt(string Kind, int Id, string Title, DateTimeOffset Arrived, string Link);

/// <summary>Receipt (签收): the unit's liaison acknowledges a task, a notice or an instruction that reached the unit; who and when are kept.</summary>
public sealed class ReceiptService(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<NoticesText> text, SupervisionCache kept)
{
    public async Task<Outcome<Receipt>> AcknowledgeAsync(Caller caller, string? kind, int id, CancellationToken ct = default)
    {
        if (kind is null || !Receipt.Kinds.Contains(kind)) return Refusal.Invalid("kind", text["Receipt.Kind"]);
        if (caller.UnitId is not { } unitId) return Refusal.Forbidden(text["Receipt.OnlyLiaison"]);
        var reached = kind switch
        {
            "task" => await Owing.OwesAsync(db, id, unitId, ct),
            "notice" => await db.Notices.AnyAsync(n => n.Id == id && n.UnitId == unitId, ct),
            _ => await db.Instructions.AnyAsync(i => i.Id == id && i.UnitId == unitId, ct),
        };
        if (!reached) return Refusal.NotFound(text["Receipt.NotFound"]);
        if (await db.Receipts.FirstOrDefaultAsync(r => r.Kind == kind && r.ItemId == id && r.UnitId == unitId, ct) is { } known) return known;
        var receipt = new Receipt { Kind = kind, ItemId = id, UnitId = unitId, By = caller.UserName, At = clock.GetUtcNow() };
        db.Receipts.Add(receipt);
        if (kind == "notice")
        {
            db.SupervisionEntries.Add(new SupervisionEntry
            {
                Item = NoticeService.Item(id), Step = "acknowledged", UnitId = unitId, NoticeId = id, Text = "已签收", By = caller.UserName, At = receipt.At,
            });
        }
        try
        {
            await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Receipt", receipt.Id.ToString(), "acknowledge", null, new { kind, id, unitId })], ct);
        }
        catch (DbUpdateException e) when (Shared.ConflictExceptionHandler.IsLostRace(e))
        {
            // A second click or a colleague acknowledged it a moment ago: the first receipt stands.
            db.ChangeTracker.Clear();
            return await db.Receipts.AsNoTracking().SingleAsync(r => r.Kind == kind && r.ItemId == id && r.UnitId == unitId, ct);
        }
        return receipt;
    }

    /// <summary>
    /// What reached the unit and is not acknowledged yet: its tasks, notices and instructions. Kept until a write: it
    /// is on every view of the liaison's work page, and what the unit owes is read from every plan's assignments
    /// (two thirds of that page's time, docs/PERFORMANCE.md, "Eighth round").
    /// </summary>
    public Task<List<PendingReceipt>> PendingAsync(int unitId, CancellationToken ct = default) =>
        kept.GetAsync(("pending-receipts", unitId), () => LoadPendingAsync(unitId, ct));

    async Task<List<PendingReceipt>> LoadPendingAsync(int unitId, CancellationToken ct)
    {
        var done = await db.Receipts.AsNoTracking().Where(r => r.UnitId == unitId).Select(r => new { r.Kind, r.ItemId }).ToListAsync(ct);
        bool Done(string kind, int id) => done.Any(d => d.Kind == kind && d.ItemId == id);
        var pending = new List<PendingReceipt>();
        var notices = await db.Notices.AsNoTracking().Where(n => n.UnitId == unitId && n.Status != NoticeStatus.Closed).ToListAsync(ct);
        pending.AddRange(notices.Where(n => !Done("notice", n.Id)).Select(n => new PendingReceipt("notice", n.Id, $"督办单 {n.Number}：{n.Subject}", n.IssuedAt, $"/notices/{n.Id}")));
        var instructions = await db.Instructions.AsNoTracking().Where(i => i.UnitId == unitId && i.Answer == null).ToListAsync(ct);
        pending.AddRange(instructions.Where(i => !Done("instruction", i.Id)).Select(i => new PendingReceipt("instruction", i.Id, "领导批示：" + i.Text, i.At, "/work")));
        var tasks = await Owing.ForUnitAsync(db, unitId, ct);
        var imported = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ImportedAt, ct);
        pending.AddRange(tasks.DistinctBy(t => t.PlanTaskId).Where(t => !Done("task", t.PlanTaskId))
            .Select(t => new PendingReceipt("task", t.PlanTaskId, $"任务 {t.Number}. {t.Title}", imported[t.PlanId], $"/tasks/{t.PlanTaskId}")));
        return pending;
    }
}
