using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>Round anniversaries of the next 12 months, with the iCalendar feed to subscribe to.</summary>
[AllowAnonymous]
public sealed class CalendarModel(JiaowangDb db, CountryCatalog countries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Anniversary> Anniversaries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Anniversaries = await AnniversaryCalendar.NextTwelveMonthsAsync(db, countries, clock.Today(), ct);
}
