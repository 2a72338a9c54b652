using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

public sealed record PairItem(int Id, string Type, string WuhanSide, string PartnerSide, int? Year);
public sealed record ProjectItem(int Id, string Title, int Year, string Field, string? Units);
public sealed record ChangeItem(DateTimeOffset ChangedAt, string ChangedBy, string Action, string Changes);
public sealed record PartnerDetail(PartnerItem Partner, string? Notes, IReadOnlyList<PairItem> Pairs, IReadOnlyList<ProjectItem> Projects, IReadOnlyList<ChangeItem> Changes);

/// <param name="Category">exhibition, conference, sports, visit, consulate or other.</param>
public sealed record EventItem(int Id, string Category, string Title, DateOnly StartsOn, DateOnly? EndsOn, string? CountryCode, string? Country,
    string? Who, string? Level, string? HostUnit, string? Notes, string? Source)
{
    public PublicEventItem ToPublic() => new(Id, Category, Title, StartsOn, EndsOn, CountryCode, Country, Who, Level, HostUnit);
}

/// <summary>An event as the public <c>/events</c> page shows it: the office's internal notes and sources are not in it.</summary>
public sealed record PublicEventItem(int Id, string Category, string Title, DateOnly StartsOn, DateOnly? EndsOn, string? CountryCode, string? Country,
    string? Who, string? Level, string? HostUnit);

public sealed record CountGroup(string Key, string NameZh, string NameEn, int Count);
public sealed record NetworkCounts(int Active, int SisterCities, int FriendlyExchange, int Ended, int Countries, IReadOnlyList<CountGroup> ByContinent, IReadOnlyList<CountGroup> ByCountry);

public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        // Reads are public like the plan overview (the public page lists the same partners); edits need the Office policy.
        var partners = app.MapGroup("/api/partners").WithTags("Partners").AllowAnonymous();
        partners.MapGet("/", ListPartners).WithSummary("Partner cities, filtered by kind (国际友好城市/友好交流城市 or sisterCity/friendlyExchange), country (code or name), q (any name), status.");
        partners.MapGet("/{id:int}", GetPartner).WithSummary("One partner with its grassroots pairs, exchange projects and change history.");
        partners.MapGet("/counts", GetCounts).WithSummary("Active partners by continent and country.");

        var events = app.MapGroup("/api/events").WithTags("Events").AllowAnonymous();
        events.MapGet("/", ListEvents).WithSummary("International events by category (exhibition, conference, sports, visit, consulate, other) and start date range.");

        // Calendar clients (Outlook, phones) subscribe without signing in.
        app.MapGet("/calendar/anniversaries.ics", GetCalendar).WithTags("Calendar").AllowAnonymous().Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("Round anniversaries of partnerships and diplomatic relations in the next 12 months, as iCalendar.");
        app.MapNetworkEdits();
        return app;
    }

    static async Task<Ok<List<PartnerItem>>> ListPartners(string? kind, string? country, string? q, string? status, string? continent,
        JiaowangDb db, CountryCatalog countries, CancellationToken ct) =>
        TypedResults.Ok(await PartnerQuery.ListAsync(db, countries, new PartnerFilter(kind, country, q, status, continent), ct));

    /// <summary>The change history names office staff: only signed-in users see it.</summary>
    static async Task<Results<Ok<PartnerDetail>, NotFound>> GetPartner(int id, JiaowangDb db, CountryCatalog countries, HttpContext http, CancellationToken ct) =>
        await LoadDetailAsync(db, countries, id, ct) is { } detail
            ? TypedResults.Ok(http.User.Identity?.IsAuthenticated == true ? detail : detail with { Changes = [] })
            : TypedResults.NotFound();

    public static async Task<PartnerDetail?> LoadDetailAsync(JiaowangDb db, CountryCatalog countries, int id, CancellationToken ct)
    {
        var p = await db.Partners.AsNoTracking().AsSplitQuery()
            .Include(x => x.Pairs).Include(x => x.Projects).Include(x => x.Changes)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        return new PartnerDetail(PartnerQuery.ToItem(p, countries), p.Notes,
            p.Pairs.OrderBy(x => x.Year).Select(x => new PairItem(x.Id, x.Type, x.WuhanSide, x.PartnerSide, x.Year)).ToList(),
            p.Projects.OrderByDescending(x => x.Year).Select(x => new ProjectItem(x.Id, x.Title, x.Year, x.Field, x.Units)).ToList(),
            p.Changes.OrderByDescending(x => x.ChangedAt).ThenByDescending(x => x.Id).Select(x => new ChangeItem(x.ChangedAt, x.ChangedBy, x.Action, x.ChangesJson)).ToList());
    }

    static async Task<Ok<NetworkCounts>> GetCounts(JiaowangDb db, CountryCatalog countries, CancellationToken ct) =>
        TypedResults.Ok(await CountsAsync(db, countries, ct));

    /// <param name="includeDemo">False for the public page: generated demo rows are never shown to the public as partners.</param>
    public static async Task<NetworkCounts> CountsAsync(JiaowangDb db, CountryCatalog countries, CancellationToken ct, bool includeDemo = true)
    {
        var all = (await PartnerQuery.ListAsync(db, countries, new PartnerFilter(), ct)).Where(p => includeDemo || !p.IsDemo).ToList();
        var active = all.Where(p => p.Status == "active").ToList();
        var continents = active.GroupBy(p => p.Continent).Select(g => new CountGroup(g.Key, ContinentZh(g.Key), ContinentEn(g.Key), g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).ToList();
        var byCountry = active.GroupBy(p => p.CountryCode).Select(g => new CountGroup(g.Key, g.First().CountryZh, g.First().CountryEn, g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.NameEn).ToList();
        return new NetworkCounts(active.Count, active.Count(p => p.Kind == "sisterCity"), active.Count(p => p.Kind == "friendlyExchange"),
            all.Count - active.Count, byCountry.Count, continents, byCountry);
    }

    public static string ContinentZh(string key) => key switch
    {
        "Asia" => "亚洲", "Europe" => "欧洲", "Africa" => "非洲", "NorthAmerica" => "北美洲", "SouthAmerica" => "南美洲", "Oceania" => "大洋洲", _ => key,
    };

    public static string ContinentEn(string key) => key switch { "NorthAmerica" => "North America", "SouthAmerica" => "South America", _ => key };

    /// <summary>Signed-in users get the office's notes and sources; anonymous callers what the public page shows.</summary>
    static async Task<Results<Ok<List<EventItem>>, Ok<List<PublicEventItem>>, ProblemHttpResult>> ListEvents(string? category, DateOnly? from, DateOnly? to,
        JiaowangDb db, CountryCatalog countries, HttpContext http, CancellationToken ct)
    {
        EventCategory? wanted = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!Enum.TryParse<EventCategory>(category, ignoreCase: true, out var c) || !Enum.IsDefined(c) || int.TryParse(category, out _))
            {
                return TypedResults.Problem($"Unknown category '{category}'; use one of {string.Join(", ", Enum.GetNames<EventCategory>().Select(Camel))}.", statusCode: 400);
            }
            wanted = c;
        }
        var events = await EventsAsync(db, countries, wanted, from, to, ct);
        if (http.User.Identity?.IsAuthenticated == true) return TypedResults.Ok(events);
        events = await PublishedAsync(events, db, http.RequestServices.GetRequiredService<TimeProvider>(), ct);
        return TypedResults.Ok(events.Select(e => e.ToPublic()).ToList());
    }

    public static async Task<List<EventItem>> EventsAsync(JiaowangDb db, CountryCatalog countries, EventCategory? category, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking();
        if (category is { } c) query = query.Where(e => e.Category == c);
        if (from is { } f) query = query.Where(e => e.StartsOn >= f);
        if (to is { } t) query = query.Where(e => e.StartsOn <= t);
        var events = await query.OrderByDescending(e => e.StartsOn).ThenBy(e => e.Id).ToListAsync(ct);
        return events.Select(e => new EventItem(e.Id, Camel(e.Category.ToString()), e.Title, e.StartsOn, e.EndsOn, e.CountryCode,
            countries.ByCode(e.CountryCode) is { } k ? (TextSetup.IsEnglish ? k.NameEn : k.NameZh) : null,
            e.Who, e.Level, e.HostUnit, e.Notes, e.Source)).ToList();
    }

    /// <summary>The events anonymous visitors may see: those not yet started only when the office publishes them (Features/Leadership/PublicView).</summary>
    public static async Task<List<EventItem>> PublishedAsync(List<EventItem> events, JiaowangDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await Leadership.PublicView.ShowsUpcomingEventsAsync(db, ct)) return events;
        var today = clock.Today();
        return events.Where(e => e.StartsOn <= today).ToList();
    }

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    static async Task<ContentHttpResult> GetCalendar(JiaowangDb db, CountryCatalog countries, TimeProvider clock, CancellationToken ct)
    {
        var anniversaries = await AnniversaryCalendar.NextTwelveMonthsAsync(db, countries, clock.Today(), ct);
        return TypedResults.Text(AnniversaryCalendar.ToICalendar(anniversaries, clock.GetUtcNow()), "text/calendar; charset=utf-8");
    }
}
