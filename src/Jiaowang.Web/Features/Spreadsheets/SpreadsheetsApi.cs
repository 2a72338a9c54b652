using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Spreadsheets;

/// <summary>Excel in and out: the plan export, the readings template and the readings import (docs/EXCEL.md).</summary>
public static class SpreadsheetsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>A readings workbook is a few hundred kilobytes at most; anything far larger is not one.</summary>
    public const long MaxUpload = 10 * 1024 * 1024;

    public static IServiceCollection AddSpreadsheets(this IServiceCollection services) =>
        services.AddScoped<PlanExport>().AddScoped<ReadingImporter>();

    public static RouteGroupBuilder MapSpreadsheetsApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/plans/{id:int}").WithTags("Excel");
        // Liaison contacts are in the export: leaders, office and admins only.
        plan.MapGet("/export.xlsx", Export).RequireAuthorization(Policies.ReadAll).Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .WithSummary("The plan as an Excel workbook: targets, readings (in the import format), tasks, reports, units and liaisons.");
        plan.MapGet("/readings/template.xlsx", Template).RequireAuthorization(Policies.Office).Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .WithSummary("An Excel template to bulk-enter readings: one row per manually reported target, with instructions (office).");
        // Scripts upload with a bearer token, so no antiforgery token is needed and a browser cookie is not accepted;
        // people use the page /plans/{id}/readings/import.
        plan.MapPost("/readings/import", Import).DisableAntiforgery().RequireAuthorization(Policies.OfficeScript)
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Imports readings from an .xlsx workbook, all or nothing; 422 lists every bad cell (office). ?dryRun=true only checks.");
        return plan;
    }

    /// <summary>A download name from the plan's title: characters Windows refuses in a file name become "_".</summary>
    public static string FileName(string title, string suffix)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['<', '>', ':', '"', '/', '\\', '|', '?', '*']).ToHashSet();
        var safe = new string(title.Trim().Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray());
        if (safe.Length > 80) safe = safe[..80];
        return $"{safe}-{suffix}.xlsx";
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Export(int id, PlanExport export, JiaowangDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await export.WorkbookAsync(id, ct) is not { } bytes) return TypedResults.NotFound();
        var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstAsync(ct);
        // ASP.NET Core writes both filename= and filename*=UTF-8''… (RFC 5987/6266) for a Chinese name.
        return TypedResults.File(bytes, XlsxType, FileName(title, Shared.Clock.Today(clock).ToString("yyyy-MM-dd")));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Template(int id, PlanExport export, JiaowangDb db, IStringLocalizer<SpreadsheetText> text,
        CancellationToken ct)
    {
        if (await export.TemplateAsync(id, ct) is not { } bytes) return TypedResults.NotFound();
        var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstAsync(ct);
        return TypedResults.File(bytes, XlsxType, FileName(title, text["Template.FileSuffix"]));
    }

    static async Task<Results<Ok<ReadingImportSummary>, NotFound, ProblemHttpResult>> Import(int id, HttpRequest request, Caller caller, ReadingImporter importer,
        IStringLocalizer<SpreadsheetText> text, bool? dryRun, CancellationToken ct)
    {
        IFormFile? file = null;
        try
        {
            if (request.HasFormContentType) file = (await request.ReadFormAsync(ct)).Files.FirstOrDefault();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed multipart body: the same to the caller as no file at all.
        }
        if (file is null || file.Length == 0)
            return Refused(text, [new ImportError("", null, null, null, text["Import.NoFile"])]);
        if (file.Length > MaxUpload)
            return Refused(text, [new ImportError(file.FileName, null, null, null, text["Import.TooLarge", MaxUpload / 1024 / 1024])]);
        await using var content = file.OpenReadStream();
        var outcome = await importer.ImportAsync(id, content, file.FileName, caller.UserName, dryRun == true, ct);
        if (outcome is not { } done) return TypedResults.NotFound();
        return done.Summary is { } summary ? TypedResults.Ok(summary) : Refused(text, done.Errors);
    }

    /// <summary>422 problem details whose <c>errors</c> name every bad cell: sheet, row, column, header and why.</summary>
    public static ProblemHttpResult Refused(IStringLocalizer<SpreadsheetText> text, IReadOnlyList<ImportError> errors) =>
        TypedResults.Problem(title: text["Import.Refused", errors.Count], detail: text["Import.NothingStored"],
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
