using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Audit;

/// <summary>Checks the stored chain against the key and the anchor; the API, the page and <c>jiaowang audit verify</c> ask it.</summary>
public sealed class AuditVerifier(JiaowangDb db, AuditSeal seal)
{
    public async Task<ChainCheck> VerifyAsync(CancellationToken ct = default)
    {
        // The anchor is read before the entries: an append that commits in between then only lengthens the chain read,
        // where the other order could read an anchor ahead of the entries and report a deletion that did not happen.
        var anchor = seal.ReadAnchor();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return AuditChain.Verify(entries, seal.Key, anchor);
    }
}
