using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>One partner: facts, grassroots pairs, exchange projects; its change history for signed-in users.</summary>
[AllowAnonymous]
public sealed class PartnerModel(JiaowangDb db, CountryCatalog countries, IAuthorizationService authorization) : PageModel
{
    public sealed class PairForm
    {
        public string? Type { get; set; }
        public string? WuhanSide { get; set; }
        public string? PartnerSide { get; set; }
        public int? Year { get; set; }
    }

    [BindProperty] public PairForm Pair { get; set; } = new();
    public string? PairProblem { get; private set; }

    public PartnerDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await NetworkApi.LoadDetailAsync(db, countries, id, ct) is not { } detail) return NotFound();
        Detail = User.Identity?.IsAuthenticated == true ? detail : detail with { Changes = [] };
        return Page();
    }

    /// <summary>The office adds a grassroots pair from the partner's page; reading the page stays open to all.</summary>
    public async Task<IActionResult> OnPostPairAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Accounts.Policies.Office)).Succeeded) return Forbid();
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Pair.Type) || string.IsNullOrWhiteSpace(Pair.WuhanSide) || string.IsNullOrWhiteSpace(Pair.PartnerSide))
        {
            PairProblem = NetworkMessages.Format("Problem.Required");
            return await OnGetAsync(id, ct);
        }
        db.GrassrootsPairs.Add(new GrassrootsPair { PartnerId = id, Type = Pair.Type.Trim(), WuhanSide = Pair.WuhanSide.Trim(), PartnerSide = Pair.PartnerSide.Trim(), Year = Pair.Year });
        await db.SaveChangesAsync(ct);
        return Redirect($"/partners/{id}#pairs");
    }
}
