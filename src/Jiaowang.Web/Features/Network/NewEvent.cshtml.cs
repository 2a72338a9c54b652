using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>The office records an international event; event-bound targets count it at once.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class NewEventModel(JiaowangDb db, CountryCatalog countries, RegistrySync sync) : PageModel
{
    public sealed class EventForm
    {
        public string Category { get; set; } = "exhibition";
        public string? Title { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Country { get; set; }
        public string? Who { get; set; }
        public string? Level { get; set; }
        public string? HostUnit { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty] public EventForm Form { get; set; } = new();
    public Dictionary<string, string> Problems { get; } = [];
    public IReadOnlyList<Country> Countries => countries.All;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<EventCategory>(Form.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category)) Problems["category"] = NetworkMessages.Format("Problem.Required");
        if (string.IsNullOrWhiteSpace(Form.Title)) Problems["title"] = NetworkMessages.Format("Problem.Required");
        if (Form.StartsOn is null) Problems["startsOn"] = NetworkMessages.Format("Problem.Required");
        if (Problems.Count > 0) return Page();
        db.Events.Add(new InternationalEvent
        {
            Category = category, Title = Form.Title!.Trim(), StartsOn = Form.StartsOn!.Value, EndsOn = Form.EndsOn,
            CountryCode = countries.Find(Form.Country)?.Code, Who = Form.Who, Level = Form.Level, HostUnit = Form.HostUnit, Source = Form.Source,
        });
        await db.SaveChangesAsync(ct);
        await sync.RefreshAsync(ct);
        return Redirect("/events");
    }
}
