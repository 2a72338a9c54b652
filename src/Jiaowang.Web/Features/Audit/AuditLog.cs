using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Audit;

/// <summary>A change to write to the audit log; before/after are serialised to JSON as given.</summary>
public sealed record AuditRecord(string Entity, string EntityId, string Action, object? Before, object? After);

/// <summary>
/// Saves a change and its audit entries in one transaction, so there is never a change without its entry nor an entry
/// without its change. Handlers call this instead of <c>SaveChangesAsync</c>.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    // Appends are serialised in this process so that each entry reads the true last hash; the unique index on
    // PreviousHash refuses a fork should another process (the CLI) append at the same moment.
    static readonly SemaphoreSlim Gate = new(1, 1);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <param name="describe">Called after the change is saved, so that new rows have their ids.</param>
    public async Task SaveAsync(JiaowangDb db, string actor, Func<IEnumerable<AuditRecord>> describe, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            // A caller that opened a transaction (a bulk job such as the demo generator) owns it: the entry joins it and
            // is committed, or rolled back, with the rest of the caller's work.
            var owned = db.Database.CurrentTransaction is null;
            await using var transaction = owned ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            var at = AuditChain.Normalize(clock.GetUtcNow());
            foreach (var record in describe())
            {
                var entry = new AuditEntry
                {
                    At = at, Actor = actor, Entity = record.Entity, EntityId = record.EntityId, Action = record.Action,
                    Before = ToJson(record.Before), After = ToJson(record.After), PreviousHash = previous, Hash = "",
                };
                entry.Hash = AuditChain.ComputeHash(entry);
                previous = entry.Hash;
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        finally
        {
            Gate.Release();
        }
    }
}
