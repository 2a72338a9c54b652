using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>One partner: facts, grassroots pairs, exchange projects; its change history for signed-in users.</summary>
[AllowAnonymous]
public sealed class PartnerModel(JiaowangDb db, CountryCatalog countries) : PageModel
{
    public PartnerDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await NetworkApi.LoadDetailAsync(db, countries, id, ct) is not { } detail) return NotFound();
        Detail = User.Identity?.IsAuthenticated == true ? detail : detail with { Changes = [] };
        return Page();
    }
}
