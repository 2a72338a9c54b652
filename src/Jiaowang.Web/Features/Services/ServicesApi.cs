using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>The portal's API (contract kept for scripts): the directory, read by anyone, and signage reports, sent by anyone.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/services").WithTags("Services").AllowAnonymous();
        services.MapGet("/places", ListPlaces)
            .WithSummary("The 家在武汉 directory, by category (school, community, hospital, serviceHall, consulate, emergency), district and lang (zh en fr de ja ko); a field lacking a translation is the Chinese with translated: false.");
        services.MapGet("/places/{id:int}", GetPlace).WithSummary("One place in a language, with the same fallback to Chinese.");
        services.MapGet("/counts", GetCounts).WithSummary("Places listed per category, beside the plan's yardstick (seed 004), and signage reports resolved.");
        services.MapPost("/signage-reports", Report).DisableAntiforgery().Accepts<SignageInput>("multipart/form-data")
            .WithSummary("Reports a wrong or missing foreign-language sign, without an account: place, textSeen, suggested, optional photo (JPEG or PNG, at most 5 MB; its metadata is removed). Answers the reference number.");
        services.MapGet("/signage-reports/{reference}", GetReport).WithSummary("The public status of a signage report by its reference number.");
        return app;
    }

    static Refusal? CheckLang(string? lang, PortalOptions options, IStringLocalizer<ServicesText> text) =>
        lang is null || options.Supports(lang) ? null : Refusal.Invalid("lang", text["Api.UnknownLang", lang, string.Join(", ", options.Effective)]);

    static async Task<Results<Ok<PlaceList>, Refused>> ListPlaces(string? category, string? district, string? lang, Caller? caller,
        JiaowangDb db, IOptions<PortalOptions> options, IStringLocalizer<ServicesText> text, CancellationToken ct)
    {
        if (CheckLang(lang, options.Value, text) is { } bad) return bad.ToHttp();
        PlaceCategory? wanted = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!PlaceQuery.TryCategory(category, out var c))
                return Refusal.Invalid("category", text["Api.UnknownCategory", category, string.Join(", ", Enum.GetValues<PlaceCategory>().Select(PlaceQuery.Code))]).ToHttp();
            wanted = c;
        }
        if (!string.IsNullOrWhiteSpace(district) && !Districts.All.Contains(district))
            return Refusal.Invalid("district", text["Api.UnknownDistrict", district]).ToHttp();
        var language = lang ?? PortalLanguages.Chinese;
        var places = await PlaceQuery.ListAsync(db, language, wanted, district, caller?.IsOffice == true, ct);
        return TypedResults.Ok(new PlaceList(language, places.Count, places));
    }

    static async Task<Results<Ok<PlaceItem>, Refused>> GetPlace(int id, string? lang, Caller? caller, JiaowangDb db,
        IOptions<PortalOptions> options, IStringLocalizer<ServicesText> text, CancellationToken ct)
    {
        if (CheckLang(lang, options.Value, text) is { } bad) return bad.ToHttp();
        return await PlaceQuery.FindAsync(db, id, lang ?? PortalLanguages.Chinese, caller?.IsOffice == true, ct) is { } place
            ? TypedResults.Ok(place)
            : Refusal.NotFound(text["Api.UnknownPlace", id]).ToHttp();
    }

    public sealed record ServicesCounts(IReadOnlyList<DirectoryCount> Places, int SignageReceived, int SignageResolved);

    static async Task<Ok<ServicesCounts>> GetCounts(Caller? caller, JiaowangDb db, CancellationToken ct) =>
        TypedResults.Ok(await CountsAsync(db, ct));

    public static async Task<ServicesCounts> CountsAsync(JiaowangDb db, CancellationToken ct) =>
        new(await PlaceQuery.CountsAsync(db, ct), await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SignageReports, ct),
            await SignageDesk.ResolvedAsync(db, ct));

    /// <summary>
    /// Reads the form by hand: a request that is not a form (or lacks a field) gets the desk's own refusal naming the
    /// field, not a binding failure; the desk applies the text input rule to every field.
    /// </summary>
    static async Task<Results<Ok<SignageReceipt>, Refused, ProblemHttpResult>> Report(HttpContext http, Caller? caller, SignageDesk desk,
        SignageThrottle throttle, IStringLocalizer<ServicesText> text, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Refusal.Invalid("form", text["Api.NeedsForm"]).ToHttp();
        var form = await http.Request.ReadFormAsync(ct);
        if (!throttle.TryTake(SignInThrottle.AddressOf(http)))
        {
            http.Response.Headers.RetryAfter = "3600";
            return TypedResults.Problem(text["Signage.TooMany"], statusCode: StatusCodes.Status429TooManyRequests);
        }
        var photo = form.Files.GetFile("photo");
        var bytes = await ReadPhotoAsync(photo, ct);
        if (bytes is null && photo is { Length: > 0 }) return Refusal.Invalid("photo", text["Photo.TooLarge", SignPhoto.MaxBytes / 1024 / 1024]).ToHttp();
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var outcome = await desk.SubmitAsync(new SignageInput(Field("place"), Field("textSeen"), Field("suggested")), bytes, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>The upload's bytes, or null when there is none or it is over the limit (not read past it).</summary>
    public static async Task<byte[]?> ReadPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (photo is not { Length: > 0 } || photo.Length > SignPhoto.MaxBytes) return null;
        using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    static async Task<Results<Ok<SignageStatusView>, Refused>> GetReport(string reference, Caller? caller, SignageDesk desk, CancellationToken ct)
    {
        var outcome = await desk.StatusAsync(reference, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }
}
