using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

/// <summary>
/// What an interceptor remembers about one use of a <see cref="DbContext"/>: a pending cache eviction, a pending change
/// notice, the audit session. The app's contexts are pooled (<see cref="DatabaseSetup"/>): one instance serves request
/// after request, so state keyed by the instance alone would outlive the request that made it — an actor named for one
/// save, an eviction owed by a rolled-back write. Each lease of a context has its own <see cref="DbContext.ContextId"/>,
/// and state left by an earlier lease is dropped the moment it is looked up. A context is used by one caller at a
/// time, so the entries need no lock of their own.
/// </summary>
public sealed class LeaseState<T> where T : class, new()
{
    readonly ConditionalWeakTable<DbContext, Entry> entries = new();

    sealed class Entry(DbContextId lease)
    {
        public DbContextId Lease = lease;
        public T Value = new();
    }

    /// <summary>This lease's state, made empty the first time the lease asks.</summary>
    public T For(DbContext context)
    {
        var entry = entries.GetValue(context, c => new Entry(c.ContextId));
        if (!entry.Lease.Equals(context.ContextId))
        {
            entry.Lease = context.ContextId;
            entry.Value = new T();
        }
        return entry.Value;
    }

    /// <summary>This lease's state, if it made any, taken away.</summary>
    public T? Take(DbContext context)
    {
        if (!entries.TryGetValue(context, out var entry)) return null;
        entries.Remove(context);
        return entry.Lease.Equals(context.ContextId) ? entry.Value : null;
    }

    public void Forget(DbContext context) => entries.Remove(context);
}
