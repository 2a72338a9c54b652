using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jiaowang.Web.Features.Audit;

/// <summary>The audit state of one lease of a DbContext between the start of a save and the commit of its transaction.</summary>
sealed class AuditSession
{
    static readonly LeaseState<AuditSession> Sessions = new();

    public static AuditSession For(DbContext context) => Sessions.For(context);

    /// <summary>Set by <see cref="AuditLog.SaveAsync"/> for the one save it makes.</summary>
    public string? ExplicitActor { get; set; }
    public Func<IEnumerable<AuditRecord>>? Describe { get; set; }
    public TimeProvider? Clock { get; set; }

    public List<AuditChanges.RowChange>? Changes { get; set; }
    /// <summary>The transaction the interceptor opened because the caller had none; committed once the entries are written.</summary>
    public IDbContextTransaction? OwnedTransaction { get; set; }
    /// <summary>True while the entries themselves are saved, so that save is not audited again.</summary>
    public bool Appending { get; set; }
    /// <summary>The head to anchor once the transaction commits; null when nothing was appended or the anchor must stay.</summary>
    public (long Id, string Hash)? PendingHead { get; set; }
    /// <summary>The transaction the pending head was written in: only its commit anchors it, not a later one's.</summary>
    public System.Data.Common.DbTransaction? PendingTransaction { get; set; }
}
