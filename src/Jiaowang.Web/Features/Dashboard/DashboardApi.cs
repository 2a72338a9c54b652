using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>The leaders' dashboard (<c>/dashboard</c>, <c>/plans/{id}/dashboard</c>) and its data for scripts.</summary>
public static class DashboardApi
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Dashboard/Dashboard", "/plans/{id:int}/dashboard"));
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<DashboardCache>());
        return services;
    }

    /// <summary>The dashboard of a plan today, from the cache when nothing was written since it was built.</summary>
    public static Task<DashboardModel?> LoadAsync(JiaowangDb db, DashboardCache cache, int planId, TimeProvider clock, ReportingOptions options, CancellationToken ct) =>
        cache.GetAsync(planId, Jiaowang.Web.Shared.Clock.Today(clock), () => DashboardQuery.LoadAsync(db, planId, clock, options, ct));

    /// <summary>The same without the targets' trends, for the portfolio's counts (its own cache entry).</summary>
    public static Task<DashboardModel?> LoadCountsAsync(JiaowangDb db, DashboardCache cache, int planId, TimeProvider clock, ReportingOptions options, CancellationToken ct) =>
        cache.GetAsync(planId, Jiaowang.Web.Shared.Clock.Today(clock), () => DashboardQuery.LoadAsync(db, planId, clock, options, ct, trends: false), trends: false);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{id:int}/dashboard", Get).WithTags("Dashboard").RequireAuthorization(Policies.ReadAll)
            .WithSummary("What the leaders' dashboard shows: targets against time progress with their readings, the units' league table, the task × unit matrix.");
        return app;
    }

    static async Task<Results<Ok<DashboardModel>, NotFound>> Get(int id, JiaowangDb db, DashboardCache cache, TimeProvider clock, IOptions<ReportingOptions> options, CancellationToken ct) =>
        await LoadAsync(db, cache, id, clock, options.Value, ct) is { } model ? TypedResults.Ok(model) : TypedResults.NotFound();
}
