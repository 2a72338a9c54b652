using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiaowang.Web.Features.Tasks;

/// <summary>Units' own work plans for a task (具体工作方案), and reporting against measures in monthly reports.</summary>
public static class WorkPlansApi
{
    public static IServiceCollection AddWorkPlans(this IServiceCollection services) => services.AddScoped<WorkPlanActions>().AddScoped<ReportMeasures>();

    public static RouteGroupBuilder MapWorkPlansApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks/{id:int}").WithTags("Work plans").RequireAuthorization();
        tasks.MapGet("/workplans", List).ScopedTo(Scope.Plan)
            .WithSummary("The task's units' work plans (具体工作方案): every unit's for the office and leaders, the caller's unit's for a liaison.");
        tasks.MapPut("/workplan", Save).RequireAuthorization(Policies.Liaison).ScopedTo(Scope.Plan)
            .WithSummary("A responsible unit's liaison enters or rewrites its work plan for the task (text, its own measures with dates); it goes to the office.");

        var plans = app.MapGroup("/api/workplans/{id:int}").WithTags("Work plans").RequireAuthorization().ScopedTo(Scope.WorkPlan);
        plans.MapGet("/", Get).WithSummary("One work plan with its state (submitted, accepted, returned) and the office's comment.");
        // The body is the file itself (application/octet-stream), as report attachments: no cross-site form can send it.
        plans.MapPost("/file", Upload).RequireAuthorization(Policies.Liaison).Accepts<byte[]>("application/octet-stream")
            .WithSummary("The unit uploads its work plan document (Word or PDF, at most 20 MB, type checked by content): body = the file, ?fileName= its name.");
        plans.MapGet("/file", Download).Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").WithSummary("The uploaded work plan document.");
        plans.MapPost("/accept", Accept).RequireAuthorization(Policies.Office).WithSummary("The office accepts a submitted work plan (comment optional).");
        plans.MapPost("/return", Return).RequireAuthorization(Policies.Office).WithSummary("The office returns a submitted work plan with a comment saying what to change.");

        var reports = app.MapGroup("/api/reports/{id:int}/measures").WithTags("Reports").RequireAuthorization().ScopedTo(Scope.Report);
        reports.MapGet("/", Progress).WithSummary("The report's task's measures (the plan's and the unit's accepted work plan's), each with the progress the report gives.");
        reports.MapPut("/", SaveProgress).RequireAuthorization(Policies.Liaison)
            .WithSummary("The unit's liaison gives progress per measure (notStarted, inProgress, done; a short note) with a draft or returned report.");
        return tasks;
    }

    static async Task<Results<Ok<List<WorkPlanItem>>, Refused>> List(int id, Caller caller, JiaowangDb db, WorkPlanActions actions,
        Microsoft.Extensions.Localization.IStringLocalizer<Shared.SharedResource> text, CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Tasks, t => t.Id == id, ct)) return Refusal.NotFound(text["Measures.TaskNotFound"]).ToHttp();
        return TypedResults.Ok(await actions.ForTaskAsync(caller, id, ct));
    }

    static async Task<Results<Ok<WorkPlanItem>, Refused>> Save(int id, WorkPlanInput request, Caller caller, WorkPlanActions actions, CancellationToken ct)
    {
        var outcome = await actions.SaveAsync(caller, id, request, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(await actions.ItemAsync(outcome.Value!, ct));
    }

    static async Task<Results<Ok<WorkPlanItem>, Refused>> Get(int id, Caller caller, WorkPlanActions actions,
        Microsoft.Extensions.Localization.IStringLocalizer<Shared.SharedResource> text, CancellationToken ct)
    {
        var plan = await actions.FindAsync(caller, id, ct);
        return plan is null ? Refusal.NotFound(text["WorkPlan.NotFound"]).ToHttp() : TypedResults.Ok(await actions.ItemAsync(plan, ct));
    }

    static async Task<Results<Ok<WorkPlanItem>, Refused>> Upload(int id, string? fileName, Caller caller, HttpContext http, WorkPlanActions actions, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var outcome = await actions.AttachAsync(caller, id, fileName ?? "", buffer.ToArray(), ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(await actions.ItemAsync(outcome.Value!, ct));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Download(int id, Caller caller, HttpContext http, WorkPlanActions actions, CancellationToken ct)
    {
        var plan = await actions.FindAsync(caller, id, ct);
        if (plan?.FileContent is not { } content) return TypedResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, plan.FileType, plan.FileName);
    }

    static Task<Results<Ok<WorkPlanItem>, Refused>> Accept(int id, WorkPlanReview? request, Caller caller, WorkPlanActions actions, CancellationToken ct) =>
        ReviewAsync(id, true, request?.Comment, caller, actions, ct);

    static Task<Results<Ok<WorkPlanItem>, Refused>> Return(int id, WorkPlanReview request, Caller caller, WorkPlanActions actions, CancellationToken ct) =>
        ReviewAsync(id, false, request.Comment, caller, actions, ct);

    static async Task<Results<Ok<WorkPlanItem>, Refused>> ReviewAsync(int id, bool accept, string? comment, Caller caller, WorkPlanActions actions, CancellationToken ct)
    {
        var outcome = await actions.ReviewAsync(caller, id, accept, comment, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(await actions.ItemAsync(outcome.Value!, ct));
    }

    static async Task<Results<Ok<List<MeasureProgressItem>>, Refused>> Progress(int id, Caller caller, ReportMeasures measures, CancellationToken ct)
    {
        var outcome = await measures.ForReportAsync(caller, id, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    static async Task<Results<Ok<List<MeasureProgressItem>>, Refused>> SaveProgress(int id, ReportMeasuresInput request, Caller caller, ReportMeasures measures, CancellationToken ct)
    {
        var outcome = await measures.SaveAsync(caller, id, request, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }
}
