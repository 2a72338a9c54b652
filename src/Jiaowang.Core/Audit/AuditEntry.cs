namespace Jiaowang.Core.Audit;

/// <summary>
/// One change, as written to the append-only audit log (审计日志): who, when, what, before and after. Each entry's
/// <see cref="Hash"/> is an HMAC, under a key kept outside the database, of the previous entry's hash and its own content,
/// so changing or deleting a row breaks the chain from that row on (<see cref="AuditChain"/>).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC, kept to the microsecond so that every database gives back the instant that was hashed.</summary>
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    /// <summary>Report, Reading, Period, TargetUnits, Reminder … for a feature's record; the entity type (Target, JiaowangUser …) for a row change.</summary>
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// <summary>create, edit, submit, accept, return, record, assign … for a feature's record; insert, update, delete for a row change.</summary>
    public required string Action { get; set; }
    /// <summary>JSON of the state before the change; null for a creation.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
