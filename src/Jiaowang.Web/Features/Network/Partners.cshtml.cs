using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>The registry: search, filter by kind/continent/status, sort, page. Read-only and open, like the plan overview.</summary>
[AllowAnonymous]
public sealed class PartnersModel(JiaowangDb db, CountryCatalog countries) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Continent { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "name";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PartnerItem> Partners { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public bool RegistryEmpty { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        RegistryEmpty = !await db.Partners.AnyAsync(ct);
        var english = Shared.TextSetup.IsEnglish;
        var items = await PartnerQuery.ListAsync(db, countries, new PartnerFilter(Kind, null, Q, Status, Continent), ct);
        IEnumerable<PartnerItem> sorted = Sort switch
        {
            "country" => items.OrderBy(p => english ? p.CountryEn : p.CountryZh, StringComparer.CurrentCulture).ThenBy(p => p.NameEn),
            "year" => items.OrderBy(p => p.EstablishedYear ?? int.MaxValue).ThenBy(p => p.NameEn),
            _ => items.OrderBy(p => english ? p.NameEn : (p.NameZh ?? p.NameEn), StringComparer.CurrentCulture),
        };
        Total = items.Count;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Partners = sorted.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    /// <summary>This page's address with one query value changed, for sort and paging links.</summary>
    public string With(string key, string value)
    {
        var query = Request.Query.Where(q => q.Key != key && q.Key != "p" && q.Key != "culture").ToDictionary(q => q.Key, q => q.Value.ToString());
        query[key] = value;
        return "/partners?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }
}
