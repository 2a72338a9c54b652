using System.Globalization;
using System.Text.Json;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>A partner as the office enters or edits it; validated by the same rules as a file row.</summary>
public sealed record PartnerInput(string? CityEn, string? CityZh, string? Country, string? Kind, int? YearEstablished, string? EstablishedOn,
    string? Status, string? EndedOn, double? Latitude, double? Longitude, string? Notes, string? Source);

public sealed record EventInput(string? Category, string? Title, DateOnly? StartsOn, DateOnly? EndsOn, string? Country, string? Who,
    string? Level, string? HostUnit, string? Notes, string? Source);

public sealed record BindingInput(string? Binding);

/// <summary>Office-only writes: partners (never deleted, status ended instead; every edit kept as a PartnerChange),
/// events, a partner file upload, and binding a target to a registry count. Each write refreshes bound targets.</summary>
public static class NetworkEditApi
{
    public static void MapNetworkEdits(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api").RequireAuthorization(Policies.Office).WithTags("Partners");
        office.MapPost("/partners", CreatePartner).WithSummary("Adds a partner (office).");
        office.MapPut("/partners/{id:int}", EditPartner).WithSummary("Edits a partner, e.g. status ended (office); the change is kept.");
        office.MapPost("/partners/import", ImportPartners).DisableAntiforgery().WithSummary("Imports a .csv or .xlsx file, all or nothing (office).");
        office.MapPost("/events", CreateEvent).WithSummary("Adds an international event (office).");
        office.MapPut("/targets/{id:int}/binding", BindTarget).WithSummary("Binds a target to a registry count, or null for manual readings (office).");
    }

    static string UserName(HttpContext http) => http.User.Identity?.Name ?? "?";

    static PartnerRowsResult Validate(PartnerInput input, CountryCatalog countries, IEnumerable<(string, string)> existing)
    {
        string?[] cells =
        [
            input.CityEn, input.CityZh, input.Country, input.Kind, input.YearEstablished?.ToString(CultureInfo.InvariantCulture), input.EstablishedOn,
            input.Status, input.EndedOn, input.Latitude?.ToString(CultureInfo.InvariantCulture), input.Longitude?.ToString(CultureInfo.InvariantCulture),
            input.Notes, input.Source, null,
        ];
        return PartnerRows.Validate("form", PartnerRows.Columns, [(1, cells.Select(c => c ?? "").ToList())], countries, existing);
    }

    static ValidationProblem Problem(PartnerRowsResult result) =>
        TypedResults.ValidationProblem(result.Problems.GroupBy(p => p.Column).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    static async Task<Results<Created<PartnerItem>, ValidationProblem>> CreatePartner(PartnerInput input, JiaowangDb db, CountryCatalog countries,
        PartnerImporter importer, HttpContext http, CancellationToken ct)
    {
        var existing = await db.Partners.AsNoTracking().Select(p => new { p.CountryCode, p.NameEn }).ToListAsync(ct);
        var result = Validate(input, countries, existing.Select(e => (e.CountryCode, e.NameEn)));
        if (!result.Ok) return Problem(result);
        await importer.StoreAsync(result.Partners, UserName(http), "entered by the office", ct);
        var draft = result.Partners[0];
        var stored = await db.Partners.AsNoTracking().SingleAsync(p => p.CountryCode == draft.CountryCode && p.NameEn == draft.NameEn, ct);
        return TypedResults.Created($"/api/partners/{stored.Id}", PartnerQuery.ToItem(stored, countries));
    }

    static async Task<Results<Ok<PartnerItem>, NotFound, ValidationProblem>> EditPartner(int id, PartnerInput input, JiaowangDb db,
        CountryCatalog countries, RegistrySync sync, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return TypedResults.NotFound();
        var others = await db.Partners.AsNoTracking().Where(p => p.Id != id).Select(p => new { p.CountryCode, p.NameEn }).ToListAsync(ct);
        var result = Validate(input, countries, others.Select(e => (e.CountryCode, e.NameEn)));
        if (!result.Ok) return Problem(result);

        var before = PartnerSnapshot.Of(partner);
        var d = result.Partners[0];
        (partner.NameEn, partner.NameZh, partner.CountryCode, partner.Kind, partner.EstablishedYear, partner.EstablishedOn) =
            (d.NameEn, d.NameZh, d.CountryCode, d.Kind, d.EstablishedYear, d.EstablishedOn);
        (partner.Status, partner.EndedOn, partner.Latitude, partner.Longitude, partner.Notes, partner.Source) =
            (d.Status, d.EndedOn, d.Latitude, d.Longitude, d.Notes, d.Source);
        var changes = PartnerSnapshot.Diff(before, PartnerSnapshot.Of(partner));
        if (changes.Count > 0)
        {
            db.PartnerChanges.Add(new PartnerChange
            {
                PartnerId = id, ChangedAt = clock.GetUtcNow(), ChangedBy = UserName(http), Action = "edited",
                ChangesJson = JsonSerializer.Serialize(changes, PartnerSnapshot.Json),
            });
            await db.SaveChangesAsync(ct);
            await sync.RefreshAsync(ct);
        }
        return TypedResults.Ok(PartnerQuery.ToItem(partner, countries));
    }

    public sealed record ImportResponse(int Added, IReadOnlyList<CellProblem> Problems);

    static async Task<Results<Ok<ImportResponse>, BadRequest<ImportResponse>>> ImportPartners(IFormFile file, PartnerImporter importer,
        HttpContext http, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        var result = await importer.ImportAsync(file.FileName, content, UserName(http), ct);
        var body = new ImportResponse(result.Added, result.Problems);
        return result.Ok ? TypedResults.Ok(body) : TypedResults.BadRequest(body);
    }

    static async Task<Results<Created<EventItem>, ValidationProblem>> CreateEvent(EventInput input, JiaowangDb db, CountryCatalog countries,
        RegistrySync sync, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<EventCategory>(input.Category, ignoreCase: true, out var category) || !Enum.IsDefined(category) || int.TryParse(input.Category, out _))
            errors["category"] = [$"use one of {string.Join(", ", Enum.GetNames<EventCategory>().Select(NetworkApi.Camel))}"];
        if (string.IsNullOrWhiteSpace(input.Title)) errors["title"] = [NetworkMessages.Format("Problem.Required")];
        if (input.StartsOn is null) errors["startsOn"] = [NetworkMessages.Format("Problem.Required")];
        var country = countries.Find(input.Country);
        if (!string.IsNullOrWhiteSpace(input.Country) && country is null) errors["country"] = [NetworkMessages.Format("Problem.UnknownCountry", input.Country)];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var e = new InternationalEvent
        {
            Category = category, Title = input.Title!.Trim(), StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn, CountryCode = country?.Code,
            Who = input.Who, Level = input.Level, HostUnit = input.HostUnit, Notes = input.Notes, Source = input.Source,
        };
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        await sync.RefreshAsync(ct);
        var item = (await NetworkApi.EventsAsync(db, countries, category, e.StartsOn, e.StartsOn, ct)).Single(x => x.Id == e.Id);
        return TypedResults.Created($"/api/events?category={item.Category}", item);
    }

    static async Task<Results<NoContent, NotFound, ValidationProblem>> BindTarget(int id, BindingInput input, JiaowangDb db, RegistrySync sync, CancellationToken ct)
    {
        RegistryBinding? binding = null;
        if (!string.IsNullOrWhiteSpace(input.Binding) && !input.Binding.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            if (!RegistryBindings.TryParse(input.Binding, out var b))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["binding"] = [$"use one of {string.Join(", ", Enum.GetNames<RegistryBinding>())} or none"] });
            binding = b;
        }
        var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return TypedResults.NotFound();
        target.Binding = binding;
        await db.SaveChangesAsync(ct);
        await sync.RefreshAsync(ct);
        return TypedResults.NoContent();
    }
}
