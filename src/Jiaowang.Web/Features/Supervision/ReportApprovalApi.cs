using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiaowang.Web.Features.Supervision;

/// <param name="Required">True: the unit's leader approves each report before it reaches the office.</param>
public sealed record ApprovalSetting(bool Required);

public static class ReportApprovalApi
{
    public static IServiceCollection AddReportApproval(this IServiceCollection services) => services.AddScoped<ReportApproval>();

    public static IEndpointRouteBuilder MapReportApprovalApi(this IEndpointRouteBuilder app)
    {
        // Leaders only; each handler also checks the report is their own unit's (a leader of unit B gets 403 on unit A's).
        var reports = app.MapGroup("/api/reports").WithTags("Approval").RequireAuthorization(InstructionsApi.LeaderPolicy).ScopedTo(Scope.Report);
        reports.MapPost("/{id:int}/approve", Approve).WithSummary("The unit's leader approves a report awaiting approval: it reaches the office.");
        reports.MapPost("/{id:int}/send-back", SendBack).WithSummary("The unit's leader sends a report awaiting approval back to the liaison with a comment.");

        app.MapGet("/api/approvals", Awaiting).WithTags("Approval").RequireAuthorization(Policies.ReadAll)
            .WithSummary("Reports awaiting approval: the caller's unit's for a unit leader, every unit's for the office.");
        var units = app.MapGroup("/api/units/{id:int}/approval").WithTags("Approval").RequireAuthorization(Policies.ReadAll);
        units.MapGet("/", GetSetting).WithSummary("Whether the unit's leader approves its reports before they reach the office.");
        units.MapPut("/", SetSetting).WithSummary("Switches the leader's approval on or off: the office, or the unit's own leader.");
        return app;
    }

    static async Task<Results<Ok<ReportItem>, Refused>> Approve(int id, ReportStep? request, Caller caller, ReportApproval approval, CancellationToken ct) =>
        Answer(await approval.ApproveAsync(caller, id, request?.Version, ct));

    static async Task<Results<Ok<ReportItem>, Refused>> SendBack(int id, ReportReturn request, Caller caller, ReportApproval approval, CancellationToken ct) =>
        Answer(await approval.SendBackAsync(caller, id, request.Comment, request.Version, ct));

    static async Task<Ok<List<AwaitingReport>>> Awaiting(Caller caller, ReportApproval approval, CancellationToken ct) =>
        TypedResults.Ok(await approval.AwaitingAsync(caller, ct));

    static async Task<Results<Ok<UnitApproval>, Refused>> GetSetting(int id, ReportApproval approval, CancellationToken ct)
    {
        var outcome = await approval.GetAsync(id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Refusal!.ToHttp();
    }

    static async Task<Results<Ok<UnitApproval>, Refused>> SetSetting(int id, ApprovalSetting request, Caller caller, ReportApproval approval, CancellationToken ct)
    {
        var outcome = await approval.SetRequiredAsync(caller, id, request.Required, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Refusal!.ToHttp();
    }

    static Results<Ok<ReportItem>, Refused> Answer(Outcome<Core.Reporting.Report> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(ReportItem.From(outcome.Value!)) : outcome.Refusal!.ToHttp();
}
