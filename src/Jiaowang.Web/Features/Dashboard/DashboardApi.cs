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
        services.AddSingleton<Shared.KeptPages>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<DashboardCache>());
        return services;
    }

    /// <summary>The dashboard of a plan today, from the cache when nothing was written since it was built.</summary>
    /// <param name="db">Asked for only when the model has to be built.</param>
    public static Task<DashboardModel?> LoadAsync(Func<JiaowangDb> db, DashboardCache cache, int planId, TimeProvider clock, ReportingOptions options, CancellationToken ct) =>
        cache.GetAsync(planId, Jiaowang.Web.Shared.Clock.Today(clock), () => DashboardQuery.LoadAsync(db(), planId, clock, options, ct));

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{id:int}/dashboard", Get).WithTags("Dashboard").RequireAuthorization(Policies.ReadAll)
            .Produces<DashboardModel>(StatusCodes.Status200OK, "application/json")
            .WithSummary("What the leaders' dashboard shows: targets against time progress with their readings, the units' league table, the task × unit matrix.");
        return app;
    }

    /// <remarks>
    /// Served from the bytes kept with the model (<see cref="DashboardCache.Json"/>), compressed when the client accepts
    /// gzip; the database context is made only when the model has to be built, not for every request the cache answers.
    /// </remarks>
    static async Task<Results<KeptJson, NotFound>> Get(int id, HttpContext http, DashboardCache cache, TimeProvider clock,
        IOptions<ReportingOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var model = await LoadAsync(http.RequestServices.GetRequiredService<JiaowangDb>, cache, id, clock, options.Value, ct);
        return model is null ? TypedResults.NotFound() : new KeptJson(cache.Json(model, json.Value.SerializerOptions));
    }

    /// <summary>A kept JSON body, sent gzip-compressed to a client that accepts it.</summary>
    public sealed class KeptJson(Shared.KeptPage body) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => body.SendAsync(http, "application/json; charset=utf-8", []);
    }
}
