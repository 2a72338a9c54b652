using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>
/// Stores an event for everyone concerned: the accounts named, the liaisons of the units named (and their leaders when
/// asked), and the followers of the subject, of its plan and of the units named. Each gets an inbox row; each outside
/// channel the person chose gets an outbox row (<see cref="Delivery"/>), due now, after their quiet hours, or at the
/// digest hour; each unit's group robot gets one. The delivery job sends them. Nothing is sent here, so a slow or
/// failing channel never slows or fails the action that raised the event.
/// </summary>
public sealed class Notifier(JiaowangDb db, TimeProvider clock, Mailer mailer, IOptions<NotificationOptions> options, ILogger<Notifier> logger) : INotifier
{
    /// <summary>Events about a unit's own work (reports, instructions, notices…) reach another unit's liaison only if it concerns them.</summary>
    static bool IsPublicKind(string kind) => kind.StartsWith("status.", StringComparison.Ordinal) || kind.StartsWith("vote.", StringComparison.Ordinal);

    public async Task PublishAsync(NotificationEvent e, CancellationToken ct = default)
    {
        var recipients = await RecipientsAsync(e, ct);
        if (recipients.Count == 0 && e.UnitIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var o = options.Value;
        var users = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.LockoutEnd }).ToListAsync(ct);
        var preferences = await db.Set<NotificationPreference>().AsNoTracking().Where(p => recipients.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var subject = e.TitleZh;
        var text = Compose(e);
        foreach (var user in users)
        {
            db.Add(new Notification
            {
                UserId = user.Id, Kind = e.Kind, TitleZh = e.TitleZh, TitleEn = e.TitleEn, BodyZh = Cut(e.BodyZh, 4000), BodyEn = Cut(e.BodyEn, 4000),
                Link = e.Link, At = now,
            });
            // A disabled account keeps its inbox but is not written to outside.
            if (user.LockoutEnd is { } end && end > now) continue;
            var p = preferences.GetValueOrDefault(user.Id) ?? new NotificationPreference { UserId = user.Id };
            var due = p.Digest ? DeliveryTiming.NextDigest(now, o.DigestAt, p.QuietFrom, p.QuietTo, clock)
                : DeliveryTiming.AfterQuietHours(now, p.QuietFrom, p.QuietTo, clock);
            void Out(string channel, string address) => db.Add(new Delivery
            {
                Channel = channel, Address = address, UserId = user.Id, Kind = e.Kind, Subject = Cut(subject, 400)!, Text = Cut(text, 8000)!,
                CreatedAt = now, DueAt = DeliveryTiming.Ms(due), Digest = p.Digest,
            });
            if (p.Email && !string.IsNullOrWhiteSpace(user.Email) && mailer.Configured) Out(Channels.Email, user.Email);
            if (p.WeCom && !string.IsNullOrWhiteSpace(p.WeComUrl)) Out(Channels.WeCom, p.WeComUrl);
            if (p.Sms && !string.IsNullOrWhiteSpace(user.PhoneNumber) && o.Sms.Configured) Out(Channels.Sms, user.PhoneNumber);
        }
        // A unit's group robot hears its unit's events at once: the group decides its own quiet.
        var robots = await db.Set<UnitRobot>().AsNoTracking().Where(r => e.UnitIds.Contains(r.UnitId)).ToListAsync(ct);
        foreach (var robot in robots)
        {
            db.Add(new Delivery
            {
                Channel = Channels.WeCom, Address = robot.Url, UnitId = robot.UnitId, Kind = e.Kind, Subject = Cut(subject, 400)!, Text = Cut(text, 8000)!,
                CreatedAt = now, DueAt = DeliveryTiming.Ms(now),
            });
        }
        await db.SaveChangesAsync(ct);
        // The ladder publishes an event for every unit it looks at each day, most of them for nobody yet: an operator's
        // log names the ones someone will hear of.
        logger.Log(users.Count + robots.Count > 0 ? LogLevel.Information : LogLevel.Debug,
            "Event {Kind} stored for {Count} people and {Robots} unit robots", e.Kind, users.Count, robots.Count);
    }

    /// <summary>The outside message: the Chinese text, and an absolute link when the platform's address is configured.</summary>
    string Compose(NotificationEvent e)
    {
        var link = e.Link is { } l && options.Value.PublicUrl is { Length: > 0 } root ? root.TrimEnd('/') + l : e.Link;
        return string.Join("\n", new[] { e.BodyZh, link }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    async Task<HashSet<string>> RecipientsAsync(NotificationEvent e, CancellationToken ct)
    {
        var ids = new HashSet<string>(e.UserIds, StringComparer.Ordinal);
        var unitIds = e.UnitIds.ToList();
        if (unitIds.Count > 0)
        {
            var roles = e.AlsoUnitLeaders ? new[] { Roles.Liaison, Roles.Leader } : new[] { Roles.Liaison };
            var concerned = await db.Users.Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value))
                .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Id, ur.RoleId })
                .Join(db.Roles.Where(r => roles.Contains(r.Name!)), x => x.RoleId, r => r.Id, (x, r) => x.Id)
                .Distinct().ToListAsync(ct);
            ids.UnionWith(concerned);
        }

        var planId = await FollowRules.PlanOfAsync(db, e.SubjectKind, e.SubjectId, ct);
        var follows = db.Set<Follow>().AsNoTracking()
            .Where(f => (f.Kind == e.SubjectKind && f.SubjectId == e.SubjectId)
                || (f.Kind == FollowKinds.Unit && unitIds.Contains(f.SubjectId))
                || (planId != null && f.Kind == FollowKinds.Plan && f.SubjectId == planId));
        var followers = await follows.Select(f => f.UserId).Distinct().ToListAsync(ct);
        if (followers.Count == 0) return ids;
        if (IsPublicKind(e.Kind))
        {
            ids.UnionWith(followers);
            return ids;
        }
        // A follower hears a unit's own business only if they may read it: office, admins and leaders, or that unit's liaison.
        var readers = await db.UserRoles.Where(ur => followers.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.UserId, x.Name, u.UnitId })
            .ToListAsync(ct);
        ids.UnionWith(readers.Where(r => r.Name is Roles.Office or Roles.Admin or Roles.Leader
            || (r.Name == Roles.Liaison && r.UnitId is { } u && unitIds.Contains(u))).Select(r => r.UserId));
        return ids;
    }
}
