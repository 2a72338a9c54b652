using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Audit;

/// <summary>The office reads the audit log, checks the chain and exports it.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class AuditPageModel(JiaowangDb db, AuditVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    public List<AuditEntry> Entries { get; private set; } = [];
    public ChainCheck Check { get; private set; } = new(true, 0, null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The newest 500 in the range, shown newest first; the export has them all.
        Entries = (await AuditApi.Between(db, From, To).OrderByDescending(e => e.Id).Take(500).ToListAsync(ct));
        Check = await verifier.VerifyAsync(ct);
    }
}
