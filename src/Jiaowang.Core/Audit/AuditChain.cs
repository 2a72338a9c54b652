using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jiaowang.Core.Audit;

/// <summary>
/// The result of checking the chain. <see cref="Reason"/> is one of <see cref="ChainBreak"/>'s codes when not intact;
/// <see cref="AnchorId"/> is the head recorded outside the database, null when there is none.
/// </summary>
public sealed record ChainCheck(bool Intact, long Entries, long? FirstBrokenId, string? Reason = null, long? AnchorId = null, long? LastId = null);

/// <summary>Why a chain is not intact; stable codes for scripts, translated where people read them.</summary>
public static class ChainBreak
{
    /// <summary>An entry does not hash to what it says, or does not point at the entry before it: changed, inserted or removed in the middle.</summary>
    public const string Altered = "altered";
    /// <summary>The entry the anchor records is not in the database: the newest entries, or all of them, were deleted.</summary>
    public const string Truncated = "truncated";
    /// <summary>The database holds another entry under the anchored id: the tail was replaced.</summary>
    public const string AnchorMismatch = "anchor-mismatch";
    /// <summary>The anchor file is not signed with the audit key.</summary>
    public const string AnchorInvalid = "anchor-invalid";
    /// <summary>There are entries but no anchor: the anchor file was deleted, so truncation could not be seen.</summary>
    public const string AnchorMissing = "anchor-missing";
}

/// <summary>
/// Computes and checks the audit chain; plain C#, so the rule is the same for the writer (web host, CLI) and the
/// verifier. The hash is an HMAC-SHA256 under a secret kept outside the database: whoever can write to the database but
/// does not hold the key cannot rewrite an entry and recompute the hashes after it.
/// </summary>
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

    /// <summary>HMAC-SHA256 over the previous hash and the entry's fields, each length-prefixed so that no two entries read alike.</summary>
    public static string ComputeHash(AuditEntry entry, byte[] key)
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.PreviousHash, entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                     entry.Actor, entry.Entity, entry.EntityId, entry.Action, entry.Before, entry.After,
                 })
        {
            var value = field ?? "\u2400";
            builder.Append(value.Length).Append(':').Append(value).Append('\n');
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Checks entries in id order: each must point at the previous hash and hash to what it says; then the anchor (the
    /// head last written outside the database) must be signed and its entry present with the same hash, which is what
    /// makes deleting the newest entries visible.
    /// </summary>
    public static ChainCheck Verify(IEnumerable<AuditEntry> entriesInOrder, byte[] key, AuditAnchor? anchor)
    {
        if (anchor is not null && !anchor.IsSignedWith(key)) return new ChainCheck(false, 0, anchor.Id, ChainBreak.AnchorInvalid, anchor.Id);
        var previous = Genesis;
        long count = 0;
        long? lastId = null;
        var anchorSeen = false;
        foreach (var entry in entriesInOrder)
        {
            count++;
            if (entry.PreviousHash != previous || ComputeHash(entry, key) != entry.Hash)
            {
                return new ChainCheck(false, count, entry.Id, ChainBreak.Altered, anchor?.Id, lastId);
            }
            if (anchor is not null && entry.Id == anchor.Id)
            {
                if (entry.Hash != anchor.Hash) return new ChainCheck(false, count, entry.Id, ChainBreak.AnchorMismatch, anchor.Id, lastId);
                anchorSeen = true;
            }
            previous = entry.Hash;
            lastId = entry.Id;
        }
        // The anchored entry is gone: the entries after the last one still here were deleted, up to at least the anchor.
        if (anchor is not null && !anchorSeen) return new ChainCheck(false, count, anchor.Id, ChainBreak.Truncated, anchor.Id, lastId);
        if (anchor is null && count > 0) return new ChainCheck(false, count, null, ChainBreak.AnchorMissing, null, lastId);
        return new ChainCheck(true, count, null, null, anchor?.Id, lastId);
    }
}
