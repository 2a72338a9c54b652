using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>The world map of active partners, with counts by continent and country. Also the model of the public page.</summary>
[AllowAnonymous]
public class MapModel(JiaowangDb db, CountryCatalog countries) : PageModel
{
    /// <summary>Whether generated demo partners are counted (the office's map) or left out (the public page).</summary>
    protected virtual bool IncludeDemo => true;

    public IReadOnlyList<PartnerItem> Active { get; private set; } = [];
    public NetworkCounts Counts { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Active = (await PartnerQuery.ListAsync(db, countries, new PartnerFilter(Status: "active"), ct)).Where(p => IncludeDemo || !p.IsDemo).ToList();
        Counts = await NetworkApi.CountsAsync(db, countries, ct, IncludeDemo);
    }
}

/// <summary>The public page (no sign-in): the map and the list of active partners, in Chinese and English.</summary>
[AllowAnonymous]
public sealed class WorldModel(JiaowangDb db, CountryCatalog countries) : MapModel(db, countries)
{
    protected override bool IncludeDemo => false;
}
