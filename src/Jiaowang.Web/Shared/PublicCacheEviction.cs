using System.Data.Common;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Shared;

/// <summary>
/// Evicts the cached public plan pages whenever anything they show is written — a plan, its targets, tasks, units,
/// phases or a reading — after the write is committed, whichever feature wrote it. Being at the storage edge, no
/// writer can forget it.
/// </summary>
public sealed class PublicCacheEviction(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    static readonly string PlanNamespace = typeof(Plan).Namespace!;
    /// <summary>The 家在武汉 portal's directory and guides are public pages too (Features/Services).</summary>
    static readonly string ServicesNamespace = typeof(Jiaowang.Core.Services.Place).Namespace!;
    readonly LeaseState<Pending> pending = new();

    sealed class Pending;

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
        if (eventData.Context?.Database.CurrentTransaction is null) await EvictIfPendingAsync(eventData.Context, ct);
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        await EvictIfPendingAsync(eventData.Context, ct);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictIfPendingAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    void Mark(DbContext? context)
    {
        if (context is null) return;
        var touchesPlans = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity.GetType().Namespace is var ns && (ns == PlanNamespace || ns == ServicesNamespace));
        if (touchesPlans) pending.For(context);
    }

    async Task EvictIfPendingAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || pending.Take(context) is null) return;
        await store.EvictByTagAsync(PublicCache.Tag, ct);
    }
}
