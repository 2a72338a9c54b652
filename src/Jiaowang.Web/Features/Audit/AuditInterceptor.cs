using System.Data.Common;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jiaowang.Web.Features.Audit;

/// <summary>
/// Chains every write into the audit log at the one place all writes pass: <c>SaveChanges</c>. Each added, changed or
/// deleted row (<see cref="AuditChanges"/>) gets an entry, and so does each record a feature names through
/// <see cref="AuditLog.SaveAsync"/>, in the same transaction as the change: the interceptor opens one when the caller
/// has none and joins the caller's otherwise. Per save it costs one read of the chain head and the inserts.
/// </summary>
public sealed class AuditInterceptor(AuditSeal seal, AuditActors actors, TimeProvider clock, AuditAppendWait wait, ILogger<AuditInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Any constant: the key of PostgreSQL's advisory lock that lets one transaction at a time append, across processes.
    const long AppendLock = 0x6a69616f77616e67; // "jiaowang"

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is JiaowangDb db) await BeginAsync(db, ct);
        return result;
    }

    // Synchronous saves are rare (none in the app); they take the same path and wait for it.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is JiaowangDb db) await AppendAsync(db, ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is JiaowangDb db) await AbandonAsync(db);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is JiaowangDb db) await AbandonAsync(db);
    }

    async Task BeginAsync(JiaowangDb db, CancellationToken ct)
    {
        var session = AuditSession.For(db);
        if (session.Appending) return;
        var changes = AuditChanges.Capture(db);
        if (changes.Count == 0 && session.Describe is null) return;
        session.Changes = changes;
        // No transaction of the caller's: this save and its entries get one of their own, committed after the entries.
        if (db.Database.CurrentTransaction is null) session.OwnedTransaction = await db.Database.BeginTransactionAsync(ct);
    }

    async Task AppendAsync(JiaowangDb db, CancellationToken ct)
    {
        var session = AuditSession.For(db);
        if (session.Appending || session.Changes is not { } changes) return;
        session.Appending = true;
        try
        {
            var records = changes.Select(c => c.Describe()).ToList();
            if (session.Describe is { } describe) records.AddRange(describe());
            if (records.Count > 0) await WriteAsync(db, session, records, ct);
            // The crash tests stop here, everything written and nothing committed (off unless JIAOWANG_TEST_PAUSE_AT is set).
            await TestPause.AtAsync(records.Select(r => $"{r.Entity}:{r.Action}"));
            if (session.OwnedTransaction is { } owned) await owned.CommitAsync(ct);
        }
        catch
        {
            session.PendingHead = null;
            throw;
        }
        finally
        {
            session.Appending = false;
            session.Changes = null;
            await DisposeOwnedAsync(session);
        }
    }

    async Task WriteAsync(JiaowangDb db, AuditSession session, List<AuditRecord> records, CancellationToken ct)
    {
        var key = seal.Key;
        var anchor = seal.ReadAnchor();
        var (head, anchored) = await ReadHeadAsync(db, anchor?.Id, wait.Limit, ct);
        var actor = session.ExplicitActor ?? actors.Current;
        var at = AuditChain.Normalize((session.Clock ?? clock).GetUtcNow());
        var previous = head?.Hash ?? AuditChain.Genesis;
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                At = at, Actor = actor, Entity = record.Entity, EntityId = record.EntityId, Action = record.Action,
                Before = AuditLog.ToJson(record.Before), After = AuditLog.ToJson(record.After), PreviousHash = previous, Hash = "",
            };
            entry.Hash = AuditChain.ComputeHash(entry, key);
            previous = entry.Hash;
            entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        // Written entries are never read back through this context: a long job (the demo year) should not carry them all.
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Detached;

        // The anchor moves only when the chain this save extends still holds the anchored entry. Were the newest
        // entries deleted, a new entry would chain onto the shortened log; moving the anchor to it would hide the cut.
        var extendsAnchor = anchor is null || (anchor.IsSignedWith(key) && anchored == anchor.Hash);
        if (!extendsAnchor)
        {
            logger.LogCritical("The audit log no longer holds the anchored entry {AnchorId}: entries were deleted or replaced. The anchor stays where it is until an administrator looks into it.", anchor!.Id);
        }
        session.PendingHead = extendsAnchor ? (entries[^1].Id, entries[^1].Hash) : null;
        session.PendingTransaction = db.Database.CurrentTransaction?.GetDbTransaction();
    }

    /// <summary>
    /// The newest entry and the anchored one, in one round trip. On PostgreSQL the advisory lock first makes every
    /// other appending transaction wait until this one ends, so two processes never chain onto the same head. On SQLite
    /// the transaction already holds the database's write lock (the change was just written), which does the same.
    /// The wait for the lock is bounded by <paramref name="lockWait"/> (lock_timeout, for this statement only): past it
    /// the save is refused as busy (<see cref="Operations.ServerBusyException"/>, 503) and rolled back whole.
    /// </summary>
    static async Task<((long Id, string Hash)? Head, string? Anchored)> ReadHeadAsync(JiaowangDb db, long? anchorId, TimeSpan lockWait, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Table and columns as mapped in ReportingConfigurations (AuditLog) with EF's default column names.
        var select = "SELECT \"Id\", \"Hash\" FROM \"AuditLog\" WHERE \"Id\" = (SELECT MAX(\"Id\") FROM \"AuditLog\") OR \"Id\" = @anchor";
        command.CommandText = db is PostgresJiaowangDb
            ? $"SET LOCAL lock_timeout = {(long)Math.Max(1, lockWait.TotalMilliseconds)}; SELECT pg_advisory_xact_lock({AppendLock}); SET LOCAL lock_timeout TO DEFAULT; {select}"
            : select;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@anchor";
        parameter.Value = anchorId ?? -1L;
        command.Parameters.Add(parameter);

        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
        {
            throw new Operations.ServerBusyException($"Waited {lockWait.TotalSeconds:0.#} s for the audit append lock; the save was not made.", e);
        }
        await using var _ = reader;
        if (db is PostgresJiaowangDb) await reader.NextResultAsync(ct);
        (long Id, string Hash)? head = null;
        string? anchored = null;
        while (await reader.ReadAsync(ct))
        {
            var row = (reader.GetInt64(0), reader.GetString(1));
            if (head is null || row.Item1 > head.Value.Id) head = row;
            if (row.Item1 == anchorId) anchored = row.Item2;
        }
        return (head, anchored);
    }

    async Task AbandonAsync(JiaowangDb db)
    {
        var session = AuditSession.For(db);
        if (session.Appending) return;
        session.Changes = null;
        session.PendingHead = null;
        await DisposeOwnedAsync(session);
    }

    static async Task DisposeOwnedAsync(AuditSession session)
    {
        // Disposing a transaction that was not committed rolls it back: the change goes with its entries.
        if (session.OwnedTransaction is { } owned)
        {
            session.OwnedTransaction = null;
            await owned.DisposeAsync();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionCommitted(transaction, eventData);
        await Task.CompletedTask;
    }

    /// <summary>Only a committed head is anchored: an anchor ahead of the database would read as a deletion.</summary>
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is not JiaowangDb db) return;
        var session = AuditSession.For(db);
        if (session.PendingHead is not { } head) return;
        if (!ReferenceEquals(session.PendingTransaction, transaction)) return;
        session.PendingHead = null;
        seal.Advance(head.Id, head.Hash);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is JiaowangDb db) AuditSession.For(db).PendingHead = null;
    }
}
