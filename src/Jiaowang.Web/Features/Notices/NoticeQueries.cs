using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Notices;

/// <summary>Reading notices: the office sees all, a liaison its own unit's, everyone else what they read (leaders: all).</summary>
public static class NoticeQueries
{
    public const int PageSize = 20;
    public static readonly string[] Sorts = ["number", "-number", "respondBy", "-respondBy", "unit", "colour", "status"];

    public static IQueryable<SupervisionNotice> Visible(JiaowangDb db, Caller caller)
    {
        var query = db.Notices.AsNoTracking();
        return caller.ReadsAll ? query : query.Where(n => n.UnitId == caller.UnitId);
    }

    /// <summary>
    /// One page of the notices the caller may see. Colours are today's (<see cref="NoticeColours"/>), so the counts, the
    /// colour filter and the colour sort are worked out in memory over the caller's notices (a few hundred a year).
    /// </summary>
    public static async Task<NoticePage> ListAsync(JiaowangDb db, NoticeColours colours, Caller caller, string? status, string? colour, string? sort, int page,
        int pageSize, CancellationToken ct)
    {
        var all = await Visible(db, caller).Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, u.Name }).ToListAsync(ct);
        var current = await colours.CurrentAsync(all.Select(x => x.n).ToList(), ct);
        int Count(NoticeColour c) => all.Count(x => x.n.Status != NoticeStatus.Closed && current[x.n.Id] == c);
        var query = all.AsEnumerable();
        if (status is not null && Enum.TryParse<NoticeStatus>(status, true, out var s)) query = query.Where(x => x.n.Status == s);
        else if (status == "unclosed") query = query.Where(x => x.n.Status != NoticeStatus.Closed);
        if (colour is not null && Enum.TryParse<NoticeColour>(colour, true, out var c)) query = query.Where(x => current[x.n.Id] == c);
        var matching = query.ToList();
        var ordered = sort switch
        {
            "number" => matching.OrderBy(x => x.n.Year).ThenBy(x => x.n.Sequence),
            "respondBy" => matching.OrderBy(x => x.n.RespondBy).ThenBy(x => x.n.Id),
            "-respondBy" => matching.OrderByDescending(x => x.n.RespondBy).ThenBy(x => x.n.Id),
            "unit" => matching.OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.n.Id),
            "colour" => matching.OrderByDescending(x => current[x.n.Id]).ThenBy(x => x.n.Id),
            "status" => matching.OrderBy(x => x.n.Status).ThenBy(x => x.n.Id),
            _ => matching.OrderByDescending(x => x.n.Year).ThenByDescending(x => x.n.Sequence),
        };
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var rows = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = rows.Select(r => r.n.Id).ToList();
        var receipts = await db.Receipts.AsNoTracking().Where(r => r.Kind == "notice" && ids.Contains(r.ItemId)).ToDictionaryAsync(r => r.ItemId, r => r.At, ct);
        return new NoticePage(rows.Select(r => NoticeItem.From(r.n, r.Name, receipts.TryGetValue(r.n.Id, out var at) ? at : null, current[r.n.Id])).ToList(),
            matching.Count, page, pageSize, Count(NoticeColour.Blue), Count(NoticeColour.Yellow), Count(NoticeColour.Red));
    }

    /// <returns>The notice and its history, or null when there is none the caller may see.</returns>
    public static async Task<NoticeDetail?> DetailAsync(JiaowangDb db, NoticeColours colours, Caller caller, int id, CancellationToken ct)
    {
        var notice = await Visible(db, caller).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return null;
        var unitName = await db.Units.Where(u => u.Id == notice.UnitId).Select(u => u.Name).SingleAsync(ct);
        var receipt = await db.Receipts.AsNoTracking().Where(r => r.Kind == "notice" && r.ItemId == id).Select(r => (DateTimeOffset?)r.At).FirstOrDefaultAsync(ct);
        // The notice's own lines and the ladder that led to it (every step of the item it is about).
        var item = NoticeService.Item(id);
        var climbed = await db.SupervisionEntries.AsNoTracking().Where(e => e.NoticeId == id && e.Item != item).Select(e => e.Item).Distinct().ToListAsync(ct);
        var history = await db.SupervisionEntries.AsNoTracking().Where(e => e.Item == item || climbed.Contains(e.Item))
            .OrderBy(e => e.Id).Select(e => new HistoryLine(e.Step, e.Text, e.By, e.At)).ToListAsync(ct);
        return new NoticeDetail(NoticeItem.From(notice, unitName, receipt, await colours.CurrentAsync(notice, ct)), history);
    }

    /// <summary>The ladder's history of the item a notice is about (how it climbed there), for the notice's page.</summary>
    public static Task<List<HistoryLine>> ItemHistoryAsync(JiaowangDb db, string item, CancellationToken ct) =>
        db.SupervisionEntries.AsNoTracking().Where(e => e.Item == item).OrderBy(e => e.Id).Select(e => new HistoryLine(e.Step, e.Text, e.By, e.At)).ToListAsync(ct);
}
