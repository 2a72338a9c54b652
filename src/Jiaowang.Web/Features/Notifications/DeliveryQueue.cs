using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Notifications;

/// <param name="Address">The address, masked: a robot's key and most of a phone number are not shown.</param>
public sealed record DeliveryItem(int Id, string Channel, string Address, string? UserName, string? UnitName, string Kind, string Subject,
    string State, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset? SentAt, bool Digest);

public sealed record DeliveryCounts(int Pending, int Failed, int Sent);

/// <summary>What the office sees of the outbox: pending and failed messages with their last error, and "retry now".</summary>
public sealed class DeliveryQueue(JiaowangDb db, TimeProvider clock, IStringLocalizer<NotificationsText> text)
{
    public async Task<DeliveryCounts> CountsAsync(CancellationToken ct = default)
    {
        var counts = await db.Set<Delivery>().GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(DeliveryState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new DeliveryCounts(Of(DeliveryState.Pending), Of(DeliveryState.Failed), Of(DeliveryState.Sent));
    }

    /// <param name="state">pending, failed, sent, or null for pending and failed (what needs attention).</param>
    public async Task<List<DeliveryItem>> ListAsync(string? state, int take = 200, CancellationToken ct = default)
    {
        var query = db.Set<Delivery>().AsNoTracking();
        query = state switch
        {
            "pending" => query.Where(d => d.State == DeliveryState.Pending),
            "failed" => query.Where(d => d.State == DeliveryState.Failed),
            "sent" => query.Where(d => d.State == DeliveryState.Sent),
            _ => query.Where(d => d.State != DeliveryState.Sent),
        };
        var rows = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        var userIds = rows.Where(r => r.UserId != null).Select(r => r.UserId!).Distinct().ToList();
        var unitIds = rows.Where(r => r.UnitId != null).Select(r => r.UnitId!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(d => new DeliveryItem(d.Id, d.Channel, Mask(d.Channel, d.Address), d.UserId is { } u ? users.GetValueOrDefault(u) : null,
            d.UnitId is { } n ? units.GetValueOrDefault(n) : null, d.Kind, d.Subject, d.State.ToString().ToLowerInvariant(), d.Attempts, d.LastError,
            d.CreatedAt, DateTimeOffset.FromUnixTimeMilliseconds(d.DueAt), d.SentAt, d.Digest)).ToList();
    }

    /// <summary>The office asks for a failed or waiting message to be sent at the next round, with a fresh count of attempts.</summary>
    public async Task<Outcome<DeliveryItem>> RetryAsync(int id, CancellationToken ct = default)
    {
        var d = await db.Set<Delivery>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Refusal.NotFound(text["Deliveries.NotFound"]);
        if (d.State == DeliveryState.Sent) return Refusal.Conflict(text["Deliveries.AlreadySent"]);
        d.State = DeliveryState.Pending;
        d.Attempts = 0;
        d.DueAt = DeliveryTiming.Ms(clock.GetUtcNow());
        d.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
        return (await ListAsync(null, 1000, ct)).First(x => x.Id == id);
    }

    /// <summary>A robot URL carries its secret key, a phone number a person: the office sees enough to tell them apart.</summary>
    public static string Mask(string channel, string address) => channel switch
    {
        Channels.WeCom when Uri.TryCreate(address, UriKind.Absolute, out var uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" +
            (uri.Query.Length > 0 ? "?…" + address[^Math.Min(4, address.Length)..] : ""),
        Channels.Sms when address.Length > 7 => address[..3] + new string('*', address.Length - 7) + address[^4..],
        _ => address,
    };
}
