using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiaowang.Web.Features.Extensions;

/// <param name="ReportId">The report to extend (a draft or returned one); or give <paramref name="FollowUpId"/>.</param>
/// <param name="Until">The new due date, after the current one.</param>
/// <param name="Reason">Plain text, up to 2000 characters.</param>
public sealed record NewExtension(int? ReportId, int? FollowUpId, DateOnly? Until, string? Reason);

/// <param name="Note">Optional on approval; a refusal says why.</param>
public sealed record RequestDecision(string? Note);

public sealed record NewReturn(int? TaskId, string? Reason);

/// <param name="ToUnitId">The unit that takes the returning unit's part; leave out to drop the part when others carry the task.</param>
public sealed record ReturnReassignment(int? ToUnitId, string? Note);

public static class ExtensionsApi
{
    public static IServiceCollection AddInstruments(this IServiceCollection services)
    {
        services.AddScoped<ExtensionActions>();
        services.AddScoped<ReturnActions>();
        return services;
    }

    public static IEndpointRouteBuilder MapExtensionsApi(this IEndpointRouteBuilder app)
    {
        var extensions = app.MapGroup("/api/extensions").WithTags("Extensions").RequireAuthorization();
        extensions.MapGet("/", List).ScopedTo(Scope.Plan).WithSummary("Extension requests: every unit's for the office, the caller's unit's for a liaison. Filter by state (pending, approved, refused).");
        extensions.MapPost("/", Request).RequireAuthorization(Policies.Liaison).ScopedTo(Scope.Report)
            .WithSummary("A unit's liaison asks for a later due date for one of its reports or follow-ups, with a reason.");
        extensions.MapPost("/{id:int}/approve", Approve).RequireAuthorization(Policies.Office).WithSummary("The office approves: the due date moves for that unit only.");
        extensions.MapPost("/{id:int}/refuse", Refuse).RequireAuthorization(Policies.Office).WithSummary("The office refuses, saying why.");

        var returns = app.MapGroup("/api/returns").WithTags("Extensions").RequireAuthorization();
        returns.MapGet("/", ListReturns).ScopedTo(Scope.Plan).WithSummary("Requests to return a task (退办): every unit's for the office, the caller's unit's for a liaison.");
        returns.MapPost("/", RequestReturn).RequireAuthorization(Policies.Liaison).ScopedTo(Scope.Self)
            .WithSummary("A unit named in a task asks to return it, with a reason.");
        returns.MapPost("/{id:int}/reassign", Reassign).RequireAuthorization(Policies.Office).WithSummary("The office hands the unit's part to another unit (or drops it).");
        returns.MapPost("/{id:int}/refuse", RefuseReturn).RequireAuthorization(Policies.Office).WithSummary("The office refuses the return, saying why.");
        return app;
    }

    static async Task<Ok<List<ExtensionItem>>> List(Caller caller, ExtensionActions actions, string? state, CancellationToken ct) =>
        TypedResults.Ok(await actions.ListAsync(caller, ExtensionActions.ParseState(state), ct: ct));

    static async Task<Results<Created<ExtensionItem>, Refused>> Request(NewExtension request, Caller caller, ExtensionActions actions, CancellationToken ct)
    {
        var outcome = await actions.RequestAsync(caller, request.ReportId, request.FollowUpId, request.Until, request.Reason, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created($"/api/extensions/{outcome.Value!.Id}", outcome.Value);
    }

    static async Task<Results<Ok<ExtensionItem>, Refused>> Approve(int id, RequestDecision? request, Caller caller, ExtensionActions actions, CancellationToken ct) =>
        Answer(await actions.DecideAsync(caller, id, approve: true, request?.Note, ct));

    static async Task<Results<Ok<ExtensionItem>, Refused>> Refuse(int id, RequestDecision request, Caller caller, ExtensionActions actions, CancellationToken ct) =>
        Answer(await actions.DecideAsync(caller, id, approve: false, request.Note, ct));

    static async Task<Ok<List<ReturnItem>>> ListReturns(Caller caller, ReturnActions actions, string? state, CancellationToken ct) =>
        TypedResults.Ok(await actions.ListAsync(caller, ExtensionActions.ParseState(state), ct: ct));

    static async Task<Results<Created<ReturnItem>, Refused>> RequestReturn(NewReturn request, Caller caller, ReturnActions actions, CancellationToken ct)
    {
        var outcome = await actions.RequestAsync(caller, request.TaskId, request.Reason, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created($"/api/returns/{outcome.Value!.Id}", outcome.Value);
    }

    static async Task<Results<Ok<ReturnItem>, Refused>> Reassign(int id, ReturnReassignment request, Caller caller, ReturnActions actions, CancellationToken ct) =>
        Answer(await actions.ReassignAsync(caller, id, request.ToUnitId, request.Note, ct));

    static async Task<Results<Ok<ReturnItem>, Refused>> RefuseReturn(int id, RequestDecision request, Caller caller, ReturnActions actions, CancellationToken ct) =>
        Answer(await actions.RefuseAsync(caller, id, request.Note, ct));

    static Results<Ok<T>, Refused> Answer<T>(Outcome<T> outcome) => outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
}
