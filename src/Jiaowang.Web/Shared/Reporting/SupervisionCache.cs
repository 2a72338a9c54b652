using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>
/// Where reporting stands (task statuses, overdue lists) is the same for every reader and changes only when someone
/// writes, yet the supervision panel on the overview and on every unit page rebuilt it per request from all of the
/// plan's reports: half of a signed-in unit page's time (docs/PERFORMANCE.md, "Signed-in pages (issue 16)"). Values
/// are kept per key (which includes the day) and dropped by any committed write through this process, as
/// <see cref="Features.Dashboard.DashboardCache"/> does; on PostgreSQL a write by another instance or the CLI drops
/// them through <c>ChangeListener</c>, and <see cref="Lifetime"/> (<c>Supervision:CacheSeconds</c>, 30 by default,
/// 0 turns it off) bounds what nobody announced (a CLI write on SQLite). Only what is the same for every caller is
/// kept; what a caller may read is filtered per request.
/// </summary>
public sealed class SupervisionCache(TimeProvider clock, IConfiguration configuration) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(configuration.GetValue("Supervision:CacheSeconds", 30));

    sealed record Entry(long Generation, DateTimeOffset At, object? Value);

    readonly ConcurrentDictionary<object, Entry> entries = new();
    long generation;

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> load) where T : class?
    {
        if (Lifetime <= TimeSpan.Zero) return await load();
        // Read the generation before loading: a write during the load leaves the entry stale, and the next request reloads.
        var seen = Interlocked.Read(ref generation);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && entry.Generation == seen && now - entry.At < Lifetime && entry.Value is T kept) return kept;
        var value = await load();
        // Old days and dropped generations are not worth keeping: a write clears the lot.
        if (entry is not null && entry.Generation != seen) entries.Clear();
        entries[key] = new Entry(seen, now, value);
        return value;
    }

    void Changed() => Interlocked.Increment(ref generation);

    /// <summary>Drops every kept value: another instance or the CLI wrote (Features/Operations/ChangeListener).</summary>
    public void Invalidate() => Changed();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Changed();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Changed();
        return ValueTask.FromResult(result);
    }

    // Inside an explicit transaction the write becomes visible at the commit: drop what was read in between.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Changed();
        return Task.CompletedTask;
    }
}
