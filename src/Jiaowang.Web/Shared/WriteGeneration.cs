using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Shared;

/// <summary>
/// What the caches of values that change only when someone writes share: a generation number moved by every committed
/// write through this process (an EF interceptor at the storage edge, so no writer can forget it: <c>SaveChanges</c>,
/// and the commit of an explicit transaction, where the write becomes visible) and by <see cref="Invalidate"/> when
/// another instance or the CLI wrote (Features/Operations/ChangeListener). A value loaded at one generation is good
/// while the generation has not moved.
/// </summary>
public abstract class WriteGeneration : SaveChangesInterceptor, IDbTransactionInterceptor
{
    long generation;

    /// <summary>Read it before loading: a write during the load leaves the value stale, and the next reader reloads.</summary>
    protected long Current => Interlocked.Read(ref generation);

    void Changed() => Interlocked.Increment(ref generation);

    /// <summary>Drops every kept value: another instance or the CLI wrote.</summary>
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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Changed();
        return Task.CompletedTask;
    }
}
