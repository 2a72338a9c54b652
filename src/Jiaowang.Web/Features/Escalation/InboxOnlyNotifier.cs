using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>
/// The fallback <see cref="INotifier"/> while the notification channels (issue 12 item 7) are not merged: every event
/// lands in the inbox of each unit concerned (today's reminders inbox, <see cref="Reminder"/>), so nothing the ladder
/// or a notice says is lost. Registered with TryAdd: the real notifier replaces it.
/// </summary>
public sealed class InboxOnlyNotifier(JiaowangDb db, AuditLog audit, TimeProvider clock) : INotifier
{
    public async Task PublishAsync(NotificationEvent notification, CancellationToken cancellationToken = default)
    {
        var units = notification.UnitIds.ToList();
        if (notification.UserIds.Count > 0)
        {
            units.AddRange(await db.Users.Where(u => notification.UserIds.Contains(u.Id) && u.UnitId != null).Select(u => u.UnitId!.Value).ToListAsync(cancellationToken));
        }
        var body = notification.TitleZh + (notification.BodyZh is { Length: > 0 } b ? "\n" + b : "")
            + (notification.AlsoUnitLeaders ? "\n（抄送单位分管领导）" : "") + (notification.Link is { } link ? "\n" + link : "");
        var rows = units.Distinct().Select(unit => new Reminder
        {
            UnitId = unit, Text = body.Length > 4000 ? body[..4000] : body, SentBy = ReminderSender, SentAt = clock.GetUtcNow(),
        }).ToList();
        if (rows.Count == 0) return;
        db.Reminders.AddRange(rows);
        await audit.SaveAsync(db, ReminderSender, () => rows.Select(r => new AuditRecord("Reminder", r.Id.ToString(), "send", null, new { r.UnitId, r.Text, notification.Kind })), cancellationToken);
    }

    public const string ReminderSender = "system";
}
