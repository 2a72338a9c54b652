using System.Collections.Concurrent;

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
public sealed class SupervisionCache(TimeProvider clock, IConfiguration configuration, Data.DatabaseVersion database) : WriteGeneration(database)
{
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(configuration.GetValue("Supervision:CacheSeconds", 30));

    sealed record Entry(Stamp Generation, DateTimeOffset At, object? Value);

    readonly ConcurrentDictionary<object, Entry> entries = new();

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> load) where T : class?
    {
        if (Lifetime <= TimeSpan.Zero) return await load();
        // Read the generation before loading: a write during the load leaves the entry stale, and the next request reloads.
        var seen = Current;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && entry.Generation == seen && now - entry.At < Lifetime && entry.Value is T kept) return kept;
        var value = await load();
        // Old days and dropped generations are not worth keeping: a write clears the lot.
        if (entry is not null && entry.Generation != seen) entries.Clear();
        entries[key] = new Entry(seen, now, value);
        return value;
    }
}
