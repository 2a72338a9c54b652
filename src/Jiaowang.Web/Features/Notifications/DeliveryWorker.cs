using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>
/// Sends the outbox (<see cref="Delivery"/>). The job runs on the instance that leads it (BackgroundJobs), and each
/// message is also claimed with a lease by a conditional update before it is sent, so that two instances, or a leader
/// that changes mid-round, never send one message twice. A failure is kept on the row and retried after a doubling
/// wait; after <see cref="NotificationOptions.MaxAttempts"/> the row is marked failed for the office to retry.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, BackgroundJobs jobs,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string Job = "notification-delivery";
    /// <summary>Names this process on the rows it claims.</summary>
    readonly string owner = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Automatic
        ? jobs.RepeatAsync(Job, options.Value.DeliveryInterval, RunOnceAsync, stoppingToken)
        : Task.CompletedTask;

    /// <returns>How many messages were sent in this round.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var actor = Audit.AuditActors.Use("system:notifications");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var senders = scope.ServiceProvider.GetRequiredService<ChannelSenders>();
        var o = options.Value;
        var sent = 0;
        var now = clock.GetUtcNow();
        var nowMs = DeliveryTiming.Ms(now);
        var due = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.DueAt <= nowMs && (d.LeaseUntil == null || d.LeaseUntil < nowMs))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(200).ToListAsync(ct);
        foreach (var id in due)
        {
            if (!await ClaimAsync(db, id, nowMs, ct)) continue;
            var delivery = await db.Set<Delivery>().FirstAsync(d => d.Id == id, ct);
            if (delivery.State != DeliveryState.Pending) continue;
            var batch = new List<Delivery> { delivery };
            if (delivery.Digest)
            {
                // One message a day: every digest row due for the same address goes with this one.
                var others = await db.Set<Delivery>().AsNoTracking()
                    .Where(d => d.Id != id && d.Digest && d.State == DeliveryState.Pending && d.Channel == delivery.Channel && d.Address == delivery.Address
                        && d.DueAt <= nowMs && (d.LeaseUntil == null || d.LeaseUntil < nowMs))
                    .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
                foreach (var other in others)
                    if (await ClaimAsync(db, other, nowMs, ct)) batch.Add(await db.Set<Delivery>().FirstAsync(d => d.Id == other, ct));
            }
            var (subject, text) = batch.Count == 1 ? (delivery.Subject, delivery.Text) : Digest(batch);
            try
            {
                await senders.SendAsync(delivery.Channel, delivery.Address, subject, text, ct);
                foreach (var d in batch)
                {
                    d.State = DeliveryState.Sent;
                    d.SentAt = now;
                    d.Attempts++;
                    d.LastAttemptAt = now;
                    d.LeaseUntil = null;
                }
                sent += batch.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Delivery {Id} on {Channel} failed", id, delivery.Channel);
                foreach (var d in batch)
                {
                    d.Attempts++;
                    d.LastAttemptAt = now;
                    d.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    d.DueAt = DeliveryTiming.Ms(now + DeliveryTiming.Backoff(d.Attempts, o.FirstBackoff, o.MaxBackoff));
                    d.State = d.Attempts >= o.MaxAttempts ? DeliveryState.Failed : DeliveryState.Pending;
                    d.LeaseUntil = null;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        if (sent > 0) logger.LogInformation("Delivered {Count} notifications", sent);
        return sent;
    }

    /// <summary>Takes the row for this instance if nobody holds it: one conditional update, atomic on both databases.</summary>
    async Task<bool> ClaimAsync(JiaowangDb db, int id, long nowMs, CancellationToken ct)
    {
        var until = nowMs + (long)options.Value.Lease.TotalMilliseconds;
        var claimed = await db.Set<Delivery>()
            .Where(d => d.Id == id && d.State == DeliveryState.Pending && (d.LeaseUntil == null || d.LeaseUntil < nowMs))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.LeaseOwner, owner), ct);
        return claimed == 1;
    }

    static (string Subject, string Text) Digest(List<Delivery> batch) =>
        ($"督办平台每日汇总（{batch.Count} 条）", string.Join("\n\n", batch.Select((d, i) => $"{i + 1}. {d.Subject}" + (d.Text.Length > 0 ? "\n" + d.Text : ""))));
}
