using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

public static class PlansApi
{
    public static IServiceCollection AddPlans(this IServiceCollection services) =>
        services.AddScoped<PlanImporter>().AddScoped<PlanReviser>();

    public static RouteGroupBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        // The plan is a published government document: reading it needs no account.
        var plans = app.MapGroup("/api/plans").WithTags("Plans").AllowAnonymous().CacheOutput(PublicCache.Policy);
        plans.MapGet("/", ListPlans).WithSummary("All stored plans, newest first.");
        plans.MapGet("/{id:int}", GetPlan).WithSummary("One plan with its targets, tasks, phases and units.");
        return plans;
    }

    static async Task<Ok<List<PlanSummary>>> ListPlans(JiaowangDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.ImportedAt))
            .ToListAsync(ct));

    static async Task<Results<Ok<PlanDetail>, NotFound>> GetPlan(
        int id, HttpContext http, JiaowangDb db, Shared.Reporting.SupervisionCache kept, TimeProvider clock, IStringLocalizer<SharedResource> text,
        CancellationToken ct)
    {
        if (await PlanDetail.KeptAsync(db, kept, id, clock.Today(), text, ct) is not { } plan) return TypedResults.NotFound();
        // Anonymous callers get what the office published (docs/SECURITY.md, "What is public").
        if (Leadership.PublicView.AppliesTo(http)) plan = Leadership.PublicView.Apply(plan, await Leadership.PublicView.ForPlanAsync(db, id, ct));
        return TypedResults.Ok(plan);
    }
}
