using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>An item that reached a step of the ladder: who, what, when.</summary>
public sealed record LadderMark(int UnitId, string UnitName, string Item, string Text, DateTimeOffset At);

/// <summary>What the bulletin and the leaders' dashboard read of the ladder.</summary>
public static class LadderQueries
{
    /// <summary>
    /// The units to name in a bulletin (通报) covering up to <paramref name="to"/>: every item that reached the bulletin
    /// step by then and is still on the ladder (its report not yet submitted), and every notice whose respond-by day
    /// passed unanswered and that is still unanswered, oldest first.
    /// </summary>
    public static async Task<List<LadderMark>> ForBulletinAsync(JiaowangDb db, DateTimeOffset to, CancellationToken ct = default, int? planId = null)
    {
        var marks = await MarkedAsync(db, LadderStep.Bulletin, to, ct);
        if (planId is null) return marks;
        var periods = (await db.Periods.Where(p => p.PlanId == planId).Select(p => p.Id).ToListAsync(ct)).Select(p => $"owed:{p}:").ToList();
        var notices = (await db.Notices.Where(n => n.PlanId == planId).Select(n => n.Id).ToListAsync(ct)).Select(Notices.NoticeService.Item).ToHashSet();
        return marks.Where(m => notices.Contains(m.Item) || periods.Any(p => m.Item.StartsWith(p, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The items that reached the leaders' step (领导关注), and the notices left unanswered, for the leaders' dashboard.</summary>
    public static Task<List<LadderMark>> ForLeadersAsync(JiaowangDb db, DateTimeOffset now, CancellationToken ct = default) =>
        MarkedAsync(db, LadderStep.Leaders, now, ct);

    static async Task<List<LadderMark>> MarkedAsync(JiaowangDb db, LadderStep step, DateTimeOffset until, CancellationToken ct)
    {
        string[] codes = [Ladder.Code(step), Ladder.Code(LadderStep.NoticeOverdue)];
        var rows = await db.SupervisionEntries.AsNoTracking().Where(e => e.Once != null && codes.Contains(e.Once))
            .Join(db.Units, e => e.UnitId, u => u.Id, (e, u) => new { e.UnitId, u.Name, e.Item, e.Text, e.At })
            .ToListAsync(ct);
        // Still on the ladder: the report owed has not been submitted or accepted since; the notice has not been answered.
        // Only the periods the marked items name are read (every submitted report of every plan was read per dashboard).
        const string owed = "owed:";
        var periodIds = rows.Where(r => r.Item.StartsWith(owed, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.Item.Split(':')[1], out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        var submitted = periodIds.Count == 0 ? [] : await db.Reports.AsNoTracking()
            .Where(r => periodIds.Contains(r.PeriodId) && (r.State == Core.Reporting.ReportState.Submitted || r.State == Core.Reporting.ReportState.Accepted))
            .Select(r => new { r.PeriodId, r.TaskId, r.UnitId }).ToListAsync(ct);
        var done = submitted.Select(r => Notices.RelatesTo.OwedItem(r.PeriodId, r.TaskId, r.UnitId)).ToHashSet();
        const string notice = "notice:";
        var noticeIds = rows.Where(r => r.Item.StartsWith(notice, StringComparison.Ordinal)).Select(r => int.Parse(r.Item[notice.Length..])).Distinct().ToList();
        var unanswered = (await db.Notices.AsNoTracking().Where(n => noticeIds.Contains(n.Id) && n.Status == NoticeStatus.Open).Select(n => n.Id).ToListAsync(ct))
            .Select(Notices.NoticeService.Item).ToHashSet();
        return rows.Where(r => r.At <= until && !done.Contains(r.Item) && (!r.Item.StartsWith(notice, StringComparison.Ordinal) || unanswered.Contains(r.Item)))
            .OrderBy(r => r.At).ThenBy(r => r.Name)
            .Select(r => new LadderMark(r.UnitId, r.Name, r.Item, r.Text, r.At)).ToList();
    }

    /// <summary>Every step an item took, in order (the report's and the notice's history).</summary>
    public static Task<List<Notices.HistoryLine>> HistoryAsync(JiaowangDb db, string item, CancellationToken ct = default) =>
        Notices.NoticeQueries.ItemHistoryAsync(db, item, ct);
}
