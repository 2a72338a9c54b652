using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>One line of a revision's diff as scripts read it.</summary>
public sealed record RevisionChangeItem(string Part, string Change, string Key, string? Before, string? After);

/// <summary>What a revision would change (<c>?preview=true</c>) or changed.</summary>
public sealed record PlanRevisionResult(int PlanId, string Status, string Summary, IReadOnlyList<RevisionChangeItem> Changes);

/// <summary>POST /api/plans/{id}/revisions: a revised plan document, previewed or applied (docs/plan-parser.md, "Revisions").</summary>
public static class PlanRevisionsApi
{
    public static RouteGroupBuilder MapPlanRevisionsApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/plans/{id:int}").WithTags("Plans");
        // Scripts upload with a bearer token, so no antiforgery token is needed and a browser cookie is not accepted;
        // people use the page /plans/import.
        plan.MapPost("/revisions", Revise).DisableAntiforgery().RequireAuthorization(Policies.OfficeScript)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Revises the plan from a revised document (.txt or .docx), keeping every report and reading of what still exists; removed items are archived (office). ?preview=true only shows the diff.");
        return plan;
    }

    static async Task<Results<Ok<PlanRevisionResult>, Refused>> Revise(int id, HttpRequest request, Caller caller, PlanReviser reviser,
        IStringLocalizer<SharedResource> text, bool? preview, CancellationToken ct)
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
        if (file is null || file.Length == 0) return Refusal.Invalid("document", text["Import.NoFile"]).ToHttp();
        if (file.Length > PlanUpload.MaxBytes) return Refusal.Invalid("document", text["Revise.TooLarge", PlanUpload.MaxBytes / 1024 / 1024]).ToHttp();
        var read = await PlanUpload.ReadAsync(file, ct);
        if (read.Error is { } error || read.Plan is null) return Refusal.Invalid("document", read.Error?.Message ?? text["Import.NoFile"]).ToHttp();

        var outcome = await reviser.ReviseAsync(id, read.Plan, Path.GetFileName(file.FileName), read.Text!, caller.UserName, preview != true, ct);
        if (outcome.Status == PlanRevisionStatus.NotFound) return Refusal.NotFound(RevisionText.Problem(outcome, read.Plan, text)!).ToHttp();
        if (outcome.Status == PlanRevisionStatus.Refused) return Refusal.Invalid("document", RevisionText.Problem(outcome, read.Plan, text)!).ToHttp();
        var diff = outcome.Diff!;
        return TypedResults.Ok(new PlanRevisionResult(outcome.PlanId, Camel(outcome.Status.ToString()), diff.Summary(),
            diff.Changes.Select(c => new RevisionChangeItem(Camel(c.Part.ToString()), Camel(c.Change.ToString()), c.Key, c.Before, c.After)).ToList()));
    }

    static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
