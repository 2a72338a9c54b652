using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Supervision;

public sealed record ReportVersionItem(int Version, string Action, string State, string Text, string? Comment, string By, DateTimeOffset At);

/// <param name="State">draft, awaitingApproval (its unit leader signs first), submitted, returned or accepted.</param>
/// <param name="Version">Send it back with a change; a save naming an older version is refused with 409.</param>
/// <param name="ApprovedBy">The unit leader who approved it before it reached the office, and when; null without approval.</param>
public sealed record ReportItem(int Id, int PeriodId, int? TaskId, int UnitId, string State, string Text, int Version,
    string? ReviewComment, string? ReviewedBy, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ReportVersionItem>? Versions,
    string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null)
{
    public static string StateCode(ReportState state) => ApiCode.Of(state);

    public static ReportItem From(Report r, bool withVersions = false) => new(r.Id, r.PeriodId, r.TaskId, r.UnitId, StateCode(r.State), r.Text, r.Version,
        r.ReviewComment, r.ReviewedBy, r.SubmittedAt, r.UpdatedAt,
        withVersions ? r.Versions.OrderBy(v => v.Version).Select(v => new ReportVersionItem(v.Version, v.Action, StateCode(v.State), v.Text, v.Comment, v.By, v.At)).ToList() : null,
        r.ApprovedBy, r.ApprovedAt);
}

/// <param name="TaskId">The task, for a monthly period; leave out for a stage or final summary.</param>
/// <param name="Text">Rich text; tags outside a small allow-list and script URLs are removed.</param>
public sealed record NewReport(int PeriodId, int? TaskId, string? Text);

public sealed record ReportEdit(string? Text, int Version);

/// <param name="Version">Optional: when given, the action is refused if the report changed since.</param>
public sealed record ReportStep(int? Version);

public sealed record ReportReturn(string? Comment, int? Version);

public static class ReportsApi
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportingOptions>(configuration.GetSection("Reporting"));
        services.AddSingleton<RichText>();
        services.AddSingleton<SupervisionCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<SupervisionCache>());
        services.AddScoped<ReportActions>();
        services.AddAuthorizationBuilder().AddPolicy(InstructionsApi.LeaderPolicy, p => p.RequireRole(Roles.Leader));
        return services;
    }

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization().ScopedTo(Scope.Report);
        reports.MapGet("/", List).WithSummary("Reports the caller may read: a liaison's own unit's; everyone's for the office and leaders. Filter by state (the office's queue is state=submitted).");
        reports.MapGet("/{id:int}", Get).WithSummary("One report with its versions.");
        reports.MapPost("/", Create).RequireAuthorization(Policies.Liaison).WithSummary("A liaison starts a draft for a task in a period.");
        reports.MapPut("/{id:int}", Edit).RequireAuthorization(Policies.Liaison).WithSummary("Saves a new version of a draft or returned report; a stale version gets 409.");
        reports.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.Liaison).WithSummary("Sends the report to the office.");
        reports.MapPost("/{id:int}/accept", Accept).RequireAuthorization(Policies.Office).WithSummary("The office accepts a submitted report.");
        reports.MapPost("/{id:int}/return", Return).RequireAuthorization(Policies.Office).WithSummary("The office returns a submitted report with a comment.");
        return reports;
    }

    static async Task<Ok<List<ReportItem>>> List(Caller caller, JiaowangDb db, string? state, int? unitId, CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (!caller.ReadsAll) query = query.Where(r => r.UnitId == caller.UnitId);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (Enum.TryParse<ReportState>(state, ignoreCase: true, out var s)) query = query.Where(r => r.State == s);
        var reports = await query.OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(reports.Select(r => ReportItem.From(r)).ToList());
    }

    static async Task<Results<Ok<ReportItem>, NotFound>> Get(int id, Caller caller, ReportActions actions, CancellationToken ct) =>
        await actions.FindAsync(caller, id, withVersions: true, ct) is { } report ? TypedResults.Ok(ReportItem.From(report, true)) : TypedResults.NotFound();

    static async Task<Results<Created<ReportItem>, Refused>> Create(NewReport request, Caller caller, ReportActions actions, CancellationToken ct)
    {
        var outcome = await actions.CreateAsync(caller, request.PeriodId, request.TaskId, request.Text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created($"/api/reports/{outcome.Value!.Id}", ReportItem.From(outcome.Value));
    }

    static async Task<Results<Ok<ReportItem>, Refused>> Edit(int id, ReportEdit request, Caller caller, ReportActions actions, CancellationToken ct) =>
        Answer(await actions.EditAsync(caller, id, request.Text, request.Version, ct));

    static async Task<Results<Ok<ReportItem>, Refused>> Submit(int id, ReportStep? request, Caller caller, ReportActions actions, CancellationToken ct) =>
        Answer(await actions.SubmitAsync(caller, id, request?.Version, ct));

    static async Task<Results<Ok<ReportItem>, Refused>> Accept(int id, ReportStep? request, Caller caller, ReportActions actions, CancellationToken ct) =>
        Answer(await actions.AcceptAsync(caller, id, request?.Version, ct));

    static async Task<Results<Ok<ReportItem>, Refused>> Return(int id, ReportReturn request, Caller caller, ReportActions actions, CancellationToken ct) =>
        Answer(await actions.ReturnAsync(caller, id, request.Comment, request.Version, ct));

    static Results<Ok<ReportItem>, Refused> Answer(Outcome<Report> outcome) =>
        outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(ReportItem.From(outcome.Value!));
}
