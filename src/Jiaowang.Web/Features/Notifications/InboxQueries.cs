using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Notifications;

public sealed record NotificationItem(int Id, string Kind, string Title, string? Body, string? Link, DateTimeOffset At, bool Read);

/// <param name="Unread">Unread notifications in the whole inbox, whatever the page.</param>
public sealed record NotificationPage(List<NotificationItem> Items, int Unread, int Total, int Page, int PageSize);

public sealed record ReadAllRequest(int? UpTo);

public sealed record MarkedRead(int Marked, int Unread);

/// <summary>The person's inbox: paged, newest first or unread first; marking one or all read. Only ever the caller's own rows.</summary>
public sealed class InboxQueries(JiaowangDb db, TimeProvider clock, IStringLocalizer<NotificationsText> text)
{
    public const int DefaultPageSize = 20;

    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<NotificationPage> PageAsync(Caller caller, int page, int pageSize, bool unreadFirst, bool english, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == caller.UserId);
        var ordered = unreadFirst ? mine.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.Id) : mine.OrderByDescending(n => n.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(n => new NotificationItem(n.Id, n.Kind, english ? n.TitleEn : n.TitleZh, english ? n.BodyEn ?? n.BodyZh : n.BodyZh,
            n.Link, n.At, n.ReadAt is not null)).ToList();
        return new NotificationPage(items, await UnreadAsync(caller.UserId, ct), await mine.CountAsync(ct), page, pageSize);
    }

    public async Task<Outcome<MarkedRead>> MarkReadAsync(Caller caller, int id, CancellationToken ct = default)
    {
        var row = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == caller.UserId, ct);
        if (row is null) return Refusal.NotFound(text["Inbox.NotFound"]);
        if (row.ReadAt is null)
        {
            row.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return new MarkedRead(1, await UnreadAsync(caller.UserId, ct));
    }

    /// <summary>Marks read everything up to the newest the person saw (<paramref name="upTo"/>): what arrived since stays unread.</summary>
    public async Task<Outcome<MarkedRead>> MarkAllReadAsync(Caller caller, int? upTo, CancellationToken ct = default)
    {
        if (upTo is not { } last) return Refusal.Invalid("upTo", text["Inbox.UpToRequired"]);
        var rows = await db.Set<Notification>().Where(n => n.UserId == caller.UserId && n.ReadAt == null && n.Id <= last).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var row in rows) row.ReadAt = now;
        if (rows.Count > 0) await db.SaveChangesAsync(ct);
        return new MarkedRead(rows.Count, await UnreadAsync(caller.UserId, ct));
    }
}
