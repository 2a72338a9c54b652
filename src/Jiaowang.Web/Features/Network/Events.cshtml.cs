using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>International events by category and date range.</summary>
[AllowAnonymous]
public sealed class EventsModel(JiaowangDb db, CountryCatalog countries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<EventItem> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        EventCategory? category = Enum.TryParse<EventCategory>(Category, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;
        var events = await NetworkApi.EventsAsync(db, countries, category, From, To, ct);
        Events = User.Identity?.IsAuthenticated == true ? events : await NetworkApi.PublishedAsync(events, db, clock, ct);
    }
}
