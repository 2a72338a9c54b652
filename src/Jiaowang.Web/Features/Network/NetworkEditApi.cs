using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

public sealed record EventInput(string? Category, string? Title, DateOnly? StartsOn, DateOnly? EndsOn, string? Country, string? Who,
    string? Level, string? HostUnit, string? Notes, string? Source);

public sealed record BindingInput(string? Binding);

public sealed record PairInput(string? Type, string? WuhanSide, string? PartnerSide, int? Year);

public sealed record ProjectInput(string? Title, int? Year, string? Field, string? Units, IReadOnlyList<int>? PartnerIds);

/// <summary>Office-only writes: partners (never deleted, status ended instead; every edit kept as a PartnerChange),
/// events, a partner file upload, and binding a target to a registry count. Each write refreshes bound targets.</summary>
public static class NetworkEditApi
{
    public static void MapNetworkEdits(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api").RequireAuthorization(Policies.Office).WithTags("Partners");
        office.MapPost("/partners", CreatePartner).WithSummary("Adds a partner (office).");
        office.MapPut("/partners/{id:int}", EditPartner).WithSummary("Edits a partner, e.g. status ended (office); the change is kept.");
        office.MapPost("/partners/import", ImportPartners).DisableAntiforgery().RequireAuthorization(Policies.OfficeScript).WithSummary("Imports a .csv or .xlsx file, all or nothing (office).");
        office.MapPost("/partners/{id:int}/pairs", AddPair).WithSummary("Adds a grassroots pair (基层结对) under a partner (office).");
        office.MapPost("/projects", AddProject).WithSummary("Adds an exchange project (交流项目) with its partner cities (office).");
        office.MapPost("/events", CreateEvent).WithSummary("Adds an international event (office).");
        app.MapGet("/partners/export.{format:regex(^(csv|xlsx)$)}", Export).RequireAuthorization(Policies.Office).WithTags("Partners")
            .WithSummary("Every partner as CSV or Excel, in the columns import reads (office).");
        office.MapPut("/targets/{id:int}/binding", BindTarget).WithSummary("Binds a target to a registry count, or null for manual readings (office).");
    }

    static async Task<Results<Created<PartnerItem>, ValidationProblem>> CreatePartner(PartnerInput input, PartnerEditor editor, Caller caller, CancellationToken ct)
    {
        var result = await editor.CreateAsync(input, caller.UserName, ct);
        return result.Partner is { } p ? TypedResults.Created($"/api/partners/{p.Id}", p) : TypedResults.ValidationProblem(result.Problems);
    }

    static async Task<Results<Ok<PartnerItem>, NotFound, ValidationProblem>> EditPartner(int id, PartnerInput input, PartnerEditor editor, Caller caller, CancellationToken ct)
    {
        var result = await editor.EditAsync(id, input, caller.UserName, ct);
        if (result.NotFound) return TypedResults.NotFound();
        return result.Partner is { } p ? TypedResults.Ok(p) : TypedResults.ValidationProblem(result.Problems);
    }

    static async Task<FileContentHttpResult> Export(string format, JiaowangDb db, CountryCatalog countries, TimeProvider clock, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var path = Path.Combine(Path.GetTempPath(), $"jiaowang-partners-{Guid.NewGuid():N}.{format}");
        try
        {
            PartnerFile.Write(path, PartnerRows.Columns, partners.Select(p => PartnerRows.ToRow(p, countries)));
            var type = format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return TypedResults.File(await File.ReadAllBytesAsync(path, ct), type, $"partners-{clock.GetUtcNow():yyyyMMdd}.{format}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    static async Task<Results<Created<PairItem>, NotFound, ValidationProblem>> AddPair(int id, PairInput input, JiaowangDb db, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("type", input.Type), ("wuhanSide", input.WuhanSide), ("partnerSide", input.PartnerSide) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors[name] = [NetworkMessages.Format("Problem.Required")];
        }
        if (input.Year is < 1900 or > 2100) errors["year"] = [NetworkMessages.Format("Problem.Year", input.Year)];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var pair = new GrassrootsPair { PartnerId = id, Type = input.Type!.Trim(), WuhanSide = input.WuhanSide!.Trim(), PartnerSide = input.PartnerSide!.Trim(), Year = input.Year };
        db.GrassrootsPairs.Add(pair);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partners/{id}", new PairItem(pair.Id, pair.Type, pair.WuhanSide, pair.PartnerSide, pair.Year));
    }

    static async Task<Results<Created<ProjectItem>, ValidationProblem>> AddProject(ProjectInput input, JiaowangDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title)) errors["title"] = [NetworkMessages.Format("Problem.Required")];
        if (string.IsNullOrWhiteSpace(input.Field)) errors["field"] = [NetworkMessages.Format("Problem.Required")];
        if (input.Year is not (>= 1900 and <= 2100)) errors["year"] = [NetworkMessages.Format("Problem.Year", input.Year?.ToString() ?? "")];
        var ids = input.PartnerIds ?? [];
        var partners = await db.Partners.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (ids.Count == 0 || partners.Count != ids.Distinct().Count()) errors["partnerIds"] = ["one or more existing partner ids"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var project = new ExchangeProject { Title = input.Title!.Trim(), Year = input.Year!.Value, Field = input.Field!.Trim(), Units = input.Units, Partners = partners };
        db.ExchangeProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partners/{partners[0].Id}", new ProjectItem(project.Id, project.Title, project.Year, project.Field, project.Units));
    }

    public sealed record ImportResponse(int Added, IReadOnlyList<CellProblem> Problems);

    static async Task<Results<Ok<ImportResponse>, BadRequest<ImportResponse>>> ImportPartners(IFormFile file, PartnerImporter importer,
        Caller caller, CancellationToken ct)
    {
        await using var content = file.OpenReadStream();
        var result = await importer.ImportAsync(file.FileName, content, caller.UserName, ct);
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
