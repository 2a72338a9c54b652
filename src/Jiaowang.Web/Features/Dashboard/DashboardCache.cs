using System.Collections.Concurrent;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>
/// Every leader sees the same dashboard, and it changes only when someone writes: the model is kept per plan for the day
/// and dropped by any committed write through this process (whatever feature makes it — being at the storage edge,
/// no writer can forget it). A write from another process (the CLI) is seen after at most <see cref="Lifetime"/>
/// (<c>Dashboard:CacheSeconds</c>, 30 by default; 0 turns the cache off, as bench/web.sh does to measure the cost).
/// Building the model costs a dozen queries and the counting behind them on every request otherwise (docs/PERFORMANCE.md).
/// </summary>
public sealed class DashboardCache(TimeProvider clock, IConfiguration configuration, Data.DatabaseVersion database) : WriteGeneration(database)
{
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(configuration.GetValue("Dashboard:CacheSeconds", 30));

    sealed record Entry(Stamp Generation, DateTimeOffset At, DateOnly Today, DashboardModel Model);

    // One model per plan, today's: yesterday's is replaced, not kept beside it. Keyed by day, a server that ran for a
    // year kept a model for every day someone opened the dashboard, and with each model the pages rendered from it
    // (KeptPages, up to 64 per model).
    readonly ConcurrentDictionary<int, Entry> entries = new();

    /// <summary>How many models are kept (one per plan at most).</summary>
    internal int Count => entries.Count;

    public async Task<DashboardModel?> GetAsync(int planId, DateOnly today, Func<Task<DashboardModel?>> load)
    {
        // Read the generation before loading: a write during the load leaves the entry stale, and the next request reloads.
        if (Lifetime <= TimeSpan.Zero) return await load();
        var seen = Current;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(planId, out var entry) && entry.Today == today && entry.Generation == seen && now - entry.At < Lifetime) return entry.Model;
        var model = await load();
        if (model is not null) entries[planId] = new Entry(seen, now, today, model);
        else entries.TryRemove(planId, out _);
        return model;
    }

    readonly System.Runtime.CompilerServices.ConditionalWeakTable<DashboardModel, Shared.KeptPage> json = new();

    /// <summary>
    /// The model as <c>GET /api/plans/{id}/dashboard</c> sends it, serialised once per kept model (serialising the
    /// 32 KB body was a third of each request's time), and compressed once for clients that accept gzip (4 KB). Tied to
    /// the instance, as its <see cref="KeptVersion"/> is, so it goes when the model goes.
    /// </summary>
    public Shared.KeptPage Json(DashboardModel model, System.Text.Json.JsonSerializerOptions options) =>
        json.GetValue(model, m => Shared.KeptPage.Whole(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(m, options)));
}
