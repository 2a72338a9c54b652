using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiaowang.Web.Features.CoSigning;

/// <param name="PeriodId">A stage-summary or final-summary period of the task's plan.</param>
/// <param name="Text">Rich text, cleaned like a report's.</param>
public sealed record NewSummary(int? PeriodId, string? Text);

public sealed record SummaryEdit(string? Text, int Version);

/// <param name="Comment">Optional when signing; required when refusing.</param>
public sealed record SummaryAnswer(string? Comment, int? Version);

/// <param name="OverrideReason">Required when a co-unit has not answered yet; kept in the audit log.</param>
public sealed record SummaryAcceptance(string? OverrideReason, int? Version);

public sealed record SummaryReturn(string? Comment, int? Version);

/// <param name="Version">Optional: when given, refused if the summary changed since.</param>
public sealed record SummaryStep(int? Version);

public static class SummariesApi
{
    public static IServiceCollection AddCoSigning(this IServiceCollection services) => services.AddScoped<SummaryActions>();

    public static IEndpointRouteBuilder MapSummariesApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks/{taskId:int}").WithTags("Co-signing").RequireAuthorization();
        tasks.MapGet("/co-reports", CoReports).ScopedTo(Scope.Summary)
            .WithSummary("The co-units' submitted reports on the task, for its lead unit (404 for any other unit); periodId narrows them to what a summary covers.");
        tasks.MapGet("/summaries", ListForTask).ScopedTo(Scope.Summary).WithSummary("The task's co-signed summaries the caller may read.");
        tasks.MapPost("/summaries", Create).RequireAuthorization(Policies.Liaison).ScopedTo(Scope.Summary)
            .WithSummary("The lead unit starts the task's stage or final summary.");

        var summaries = app.MapGroup("/api/summaries").WithTags("Co-signing").RequireAuthorization().ScopedTo(Scope.Summary);
        summaries.MapGet("/", List).WithSummary("Summaries: the office's queue (sent ones), or those a liaison's unit leads or signs. Filter by state.");
        summaries.MapGet("/{id:int}", Get).WithSummary("One summary with its signatures.");
        summaries.MapPut("/{id:int}", Edit).RequireAuthorization(Policies.Liaison).WithSummary("The lead unit saves the text; a change while out for signature asks again.");
        summaries.MapPost("/{id:int}/send", Send).RequireAuthorization(Policies.Liaison).WithSummary("The lead unit sends it to every co-unit for signature (会签).");
        summaries.MapPost("/{id:int}/sign", Sign).RequireAuthorization(Policies.Liaison).WithSummary("A co-unit agrees, optionally with a comment.");
        summaries.MapPost("/{id:int}/refuse", Refuse).RequireAuthorization(Policies.Liaison).WithSummary("A co-unit does not agree, saying why; the office sees it.");
        summaries.MapPost("/{id:int}/accept", Accept).RequireAuthorization(Policies.Office)
            .WithSummary("The office accepts once every co-unit has answered, or with an override reason.");
        summaries.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Office).WithSummary("The office returns it to the lead unit with a comment.");
        return app;
    }

    static async Task<Results<Ok<List<ReportItem>>, Refused>> CoReports(int taskId, int? periodId, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.CoReportsAsync(caller, taskId, periodId, ct));

    static async Task<Ok<List<SummaryItem>>> ListForTask(int taskId, Caller caller, SummaryActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.ListAsync(caller, taskId, null, ct));

    static async Task<Ok<List<SummaryItem>>> List(string? state, Caller caller, SummaryActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.ListAsync(caller, null, state, ct));

    static async Task<Results<Created<SummaryItem>, Refused>> Create(int taskId, NewSummary request, Caller caller, SummaryActions actions, CancellationToken ct)
    {
        var outcome = await actions.CreateAsync(caller, taskId, request.PeriodId, request.Text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created($"/api/summaries/{outcome.Value!.Id}", outcome.Value);
    }

    static async Task<Results<Ok<SummaryItem>, NotFound>> Get(int id, Caller caller, SummaryActions actions, CancellationToken ct) =>
        await actions.FindAsync(caller, id, ct) is { } s ? TypedResults.Ok(await actions.ItemAsync(s, ct)) : TypedResults.NotFound();

    static async Task<Results<Ok<SummaryItem>, Refused>> Edit(int id, SummaryEdit request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.EditAsync(caller, id, request.Text, request.Version, ct));

    static async Task<Results<Ok<SummaryItem>, Refused>> Send(int id, SummaryStep? request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.SendAsync(caller, id, request?.Version, ct));

    static async Task<Results<Ok<SummaryItem>, Refused>> Sign(int id, SummaryAnswer? request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.AnswerAsync(caller, id, agree: true, request?.Comment, request?.Version, ct));

    static async Task<Results<Ok<SummaryItem>, Refused>> Refuse(int id, SummaryAnswer request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.AnswerAsync(caller, id, agree: false, request.Comment, request.Version, ct));

    static async Task<Results<Ok<SummaryItem>, Refused>> Accept(int id, SummaryAcceptance? request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.AcceptAsync(caller, id, request?.OverrideReason, request?.Version, ct));

    static async Task<Results<Ok<SummaryItem>, Refused>> Return(int id, SummaryReturn request, Caller caller, SummaryActions actions, CancellationToken ct) =>
        Answer(await actions.ReturnAsync(caller, id, request.Comment, request.Version, ct));

    static Results<Ok<T>, Refused> Answer<T>(Outcome<T> outcome) => outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
}
