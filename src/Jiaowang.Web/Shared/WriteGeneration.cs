using System.Data.Common;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Shared;

/// <summary>
/// What the caches of values that change only when someone writes share: a generation moved by every committed write
/// through this process (an EF interceptor at the storage edge, so no writer can forget it: <c>SaveChanges</c>, and the
/// commit of an explicit transaction, where the write becomes visible), by <see cref="Invalidate"/> when another
/// instance or the CLI announced a write (Features/Operations/ChangeListener), and, on SQLite, by any commit of any
/// process (<see cref="DatabaseVersion"/>). A value loaded at one generation is good while the generation has not moved.
/// </summary>
public abstract class WriteGeneration(DatabaseVersion database) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    long generation;

    /// <summary>This process's writes and announcements, and the database's own count of commits where it keeps one.</summary>
    public readonly record struct Stamp(long Own, long Database);

    /// <summary>Read it before loading: a write during the load leaves the value stale, and the next reader reloads.</summary>
    protected Stamp Current => new(Interlocked.Read(ref generation), database.Read());

    /// <summary>True when a write by another process is seen at the next read, not a moment later (SQLite).</summary>
    public bool ExactAcrossProcesses => database.Exact;

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
