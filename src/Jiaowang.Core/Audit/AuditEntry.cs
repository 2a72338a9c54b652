using System.Security.Cryptography;
using System.Text;

namespace Jiaowang.Core.Audit;

/// <summary>
/// One change, as written to the append-only audit log (审计日志): who, when, what, before and after. Each entry's
/// <see cref="Hash"/> covers the previous entry's hash and its own content, so changing or deleting a row breaks the chain
/// from that row on.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC, kept to the microsecond so that every database gives back the instant that was hashed.</summary>
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    /// <summary>Report, Reading, Period, TargetUnits, Reminder …</summary>
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// <summary>create, edit, submit, accept, return, record, assign …</summary>
    public required string Action { get; set; }
    /// <summary>JSON of the state before the change; null for a creation.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public sealed record ChainCheck(bool Intact, long Entries, long? FirstBrokenId);

/// <summary>Computes and checks the audit chain; plain C#, so the rule is the same for writer and verifier.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Cuts an instant to microseconds, the precision PostgreSQL stores.</summary>
    public static DateTime Normalize(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>SHA-256 over the previous hash and the entry's fields, each length-prefixed so that no two entries read alike.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.PreviousHash, entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
                     entry.Actor, entry.Entity, entry.EntityId, entry.Action, entry.Before, entry.After,
                 })
        {
            var value = field ?? "\u2400";
            builder.Append(value.Length).Append(':').Append(value).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Checks entries in id order: each must point at the previous hash and hash to what it says.</summary>
    public static ChainCheck Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = Genesis;
        long count = 0;
        foreach (var entry in entriesInOrder)
        {
            count++;
            if (entry.PreviousHash != previous || ComputeHash(entry) != entry.Hash) return new ChainCheck(false, count, entry.Id);
            previous = entry.Hash;
        }
        return new ChainCheck(true, count, null);
    }
}
