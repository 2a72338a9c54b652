using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
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

    static async Task<Ok<List<PortfolioPlan>>> Get(Caller caller, JiaowangDb db, SupervisionCache cache, TimeProvider clock,
        IOptions<ReportingOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, cache, clock, options.Value, ct));

    static async Task<Results<Ok<LifecycleItem>, Refused>> SetLifecycle(int id, LifecycleInput input, Caller caller, JiaowangDb db, AuditLog audit,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var outcome = await PlanLifecycles.SetAsync(db, audit, caller.UserName, id, input.State, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>
    /// Every plan's counts, worked out as each plan's dashboard works out its headline (<see cref="DashboardQuery"/>),
    /// from one read of each table for all plans: read plan by plan, 300 plans took 9–16 s (docs/PERFORMANCE.md,
    /// "Scale"). Kept until a write, as the dashboards are.
    /// </summary>
    public static Task<List<PortfolioPlan>> LoadAsync(JiaowangDb db, SupervisionCache cache, TimeProvider clock, ReportingOptions options, CancellationToken ct)
    {
        var today = clock.Today();
        return cache.GetAsync(("portfolio", today), () => ComputeAsync(db, today, options, ct));
    }

    static async Task<List<PortfolioPlan>> ComputeAsync(JiaowangDb db, DateOnly today, ReportingOptions options, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.DocumentNumber, p.Lifecycle }).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var phases = (await db.Phases.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.PlanId);
        var targets = await TargetStates.ForPlansAsync(db, planIds, phases, today, ct);
        var tasks = (await db.Tasks.AsNoTracking().Select(t => new { t.Id, t.Group!.PlanId }).ToListAsync(ct)).ToLookup(t => t.PlanId, t => t.Id);
        var supervision = await SupervisionState.LoadManyAsync(db, planIds, today, options, ct);
        return plans.Select(plan =>
        {
            var planPhases = phases[plan.Id].ToList();
            var phase = planPhases.OrderBy(p => p.Position)
                .FirstOrDefault(p => today >= p.StartMonth && today <= p.EndMonth.AddMonths(1).AddDays(-1))?.Name;
            var span = TargetStates.Span(planPhases);
            var state = supervision[plan.Id];
            var targetStatuses = targets[plan.Id].Values.Select(t => t.Assessment.Status).ToList();
            var taskStatuses = tasks[plan.Id].Select(id => state.Tasks.GetValueOrDefault(id)?.Status ?? Status.OnTrack).ToList();
            return new PortfolioPlan(plan.Id, plan.Title, plan.DocumentNumber, PlanLifecycles.Code(plan.Lifecycle), phase,
                span is { } s ? TargetProgress.TimeProgress(s.Start, s.End, today) : 0m,
                targetStatuses.Count, DashboardQuery.CountBy(targetStatuses), taskStatuses.Count, DashboardQuery.CountBy(taskStatuses),
                state.Overdue.Count, state.Overdue.Select(o => o.UnitId).Distinct().Count());
        }).ToList();
    }
}
