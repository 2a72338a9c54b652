using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Portfolio;

/// <summary>One plan side by side with the others: its lifecycle, current phase and status counts.</summary>
/// <param name="Lifecycle">draft, active or closed.</param>
/// <param name="Phase">The phase today falls in, or null before the first and after the last.</param>
/// <param name="TargetStatuses">Targets per status code (onTrack, atRisk, behind, done).</param>
/// <param name="TaskStatuses">Tasks per status code.</param>
/// <param name="LateUnits">Units with at least one report past its deadline and not submitted.</param>
public sealed record PortfolioPlan(int Id, string Title, string? DocumentNumber, string Lifecycle, string? Phase, decimal TimeProgress,
    int Targets, IReadOnlyDictionary<string, int> TargetStatuses, int Tasks, IReadOnlyDictionary<string, int> TaskStatuses,
    int ReportsOverdue, int LateUnits);

/// <summary><c>GET /api/portfolio</c>: every plan with its status counts, for the office and the leaders.</summary>
public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portfolio", Get).WithTags("Plans").RequireAuthorization(Policies.ReadAll)
            .WithSummary("Every plan with its lifecycle, current phase, target and task status counts and late units.");
        app.MapPut("/api/plans/{id:int}/lifecycle", SetLifecycle).WithTags("Plans").RequireAuthorization(Policies.Office)
            .WithSummary("Moves a plan draft → active → closed (office); closing makes it read-only and dissolves its leading group.");
        return app;
    }

    static async Task<Ok<List<PortfolioPlan>>> Get(Caller caller, JiaowangDb db, DashboardCache cache, TimeProvider clock,
        IOptions<ReportingOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, cache, clock, options.Value, ct));

    static async Task<Results<Ok<LifecycleItem>, Refused>> SetLifecycle(int id, LifecycleInput input, Caller caller, JiaowangDb db, AuditLog audit,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var outcome = await PlanLifecycles.SetAsync(db, audit, caller.UserName, id, input.State, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    public static async Task<List<PortfolioPlan>> LoadAsync(JiaowangDb db, DashboardCache cache, TimeProvider clock, ReportingOptions options, CancellationToken ct)
    {
        var today = clock.Today();
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.DocumentNumber, p.Lifecycle }).ToListAsync(ct);
        var phases = (await db.Phases.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.PlanId);
        var result = new List<PortfolioPlan>();
        foreach (var plan in plans)
        {
            var board = await DashboardApi.LoadCountsAsync(db, cache, plan.Id, clock, options, ct);
            if (board is null) continue;
            var phase = phases[plan.Id].OrderBy(p => p.Position)
                .FirstOrDefault(p => today >= p.StartMonth && today <= p.EndMonth.AddMonths(1).AddDays(-1))?.Name;
            var h = board.Headline;
            result.Add(new PortfolioPlan(plan.Id, plan.Title, plan.DocumentNumber, PlanLifecycles.Code(plan.Lifecycle), phase, board.TimeProgress,
                h.Targets, h.TargetStatuses, h.Tasks, h.TaskStatuses, h.ReportsOverdue, board.Units.Count(u => u.Overdue > 0)));
        }
        return result;
    }
}
