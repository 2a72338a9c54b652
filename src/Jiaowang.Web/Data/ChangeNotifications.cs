using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Jiaowang.Web.Data;

/// <summary>
/// On PostgreSQL, tells every other process on the database (the other web instances, through their
/// <c>ChangeListener</c>) that this one committed a write, with <c>NOTIFY jiaowang_changes</c>: they drop their
/// cached pages and dashboards at once. The web host and the CLI both register it (<see cref="DatabaseSetup"/>), so a
/// CLI import is seen at once too. Sent after the commit, so a listener that reloads sees the write. On SQLite there is
/// one web process, which evicts its own caches (PublicCacheEviction, DashboardCache); a CLI write shows after their
/// expiry.
/// </summary>
public sealed class ChangeNotifications(DatabaseInfo database) : SaveChangesInterceptor, IDbTransactionInterceptor, IAsyncDisposable
{
    public const string Channel = "jiaowang_changes";
    /// <summary>This process, so that its listener skips what it already evicted itself.</summary>
    public static readonly string Origin = Guid.NewGuid().ToString("N");
    static readonly string PlanNamespace = typeof(Jiaowang.Core.Plans.Plan).Namespace!;
    // The 家在武汉 portal's public pages are cached under the same tag (Features/Services).
    static readonly string ServicesNamespace = typeof(Jiaowang.Core.Services.Place).Namespace!;

    readonly LeaseState<Pending> pending = new();
    readonly Lazy<NpgsqlDataSource> source = new(() => NpgsqlDataSource.Create(database.ConnectionString));

    sealed class Pending
    {
        public bool Plans;
    }

    /// <summary>The payload: origin, then "plans" when plan data (what the public pages show) changed, else "data".</summary>
    public static string Payload(bool plans) => $"{Origin}|{(plans ? "plans" : "data")}";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        // Inside an explicit transaction the change is not visible yet: wait for the commit.
        if (eventData.Context?.Database.CurrentTransaction is null) await NotifyIfPendingAsync(eventData.Context, ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) NotifyIfPendingAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        NotifyIfPendingAsync(eventData.Context, ct);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfPendingAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) pending.Forget(context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    void Mark(DbContext? context)
    {
        if (context is null) return;
        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0) return;
        var entry = pending.For(context);
        entry.Plans |= changed.Any(e => e.Entity.GetType().Namespace is var ns && (ns == PlanNamespace || ns == ServicesNamespace));
    }

    async Task NotifyIfPendingAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || pending.Take(context) is not { } entry) return;
        if (database.Provider != DatabaseProvider.Postgres) return;
        try
        {
            await using var command = source.Value.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", Payload(entry.Plans));
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException)
        {
            // The write is committed; the other instances' caches expire on their own (30 s) if this signal is lost.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (source.IsValueCreated) await source.Value.DisposeAsync();
    }
}
