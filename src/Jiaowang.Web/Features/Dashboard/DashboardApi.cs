using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Dashboard;

/// <summary>The leaders' dashboard (<c>/dashboard</c>, <c>/plans/{id}/dashboard</c>) and its data for scripts.</summary>
public static class DashboardApi
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Dashboard/Dashboard", "/plans/{id:int}/dashboard"));

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{id:int}/dashboard", Get).WithTags("Dashboard").RequireAuthorization(Policies.ReadAll)
            .WithSummary("What the leaders' dashboard shows: targets against time progress with their readings, the units' league table, the task × unit matrix.");
        return app;
    }

    static async Task<Results<Ok<DashboardModel>, NotFound>> Get(int id, JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options, CancellationToken ct) =>
        await DashboardQuery.LoadAsync(db, id, clock, options.Value, ct) is { } model ? TypedResults.Ok(model) : TypedResults.NotFound();
}
