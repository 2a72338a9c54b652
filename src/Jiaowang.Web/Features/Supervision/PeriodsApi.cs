using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Supervision;

/// <param name="Kind">monthly, stageSummary or finalSummary.</param>
public sealed record PeriodItem(int Id, int PlanId, string Kind, int Phase, DateOnly Start, DateOnly End, DateOnly Deadline)
{
    public static PeriodItem From(ReportingPeriod p) => new(p.Id, p.PlanId, Periods.KindCode(p.Kind), p.PhasePosition, p.Start, p.End, p.Deadline);
}

public sealed record PeriodChange(DateOnly Deadline);

public static class PeriodsApi
{
    public static IEndpointRouteBuilder MapPeriodsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{id:int}/periods", List).WithTags("Periods").RequireAuthorization().ScopedTo(Scope.Plan)
            .WithSummary("The plan's reporting periods with their deadlines, generated from its phases on first use.");
        var periods = app.MapGroup("/api/periods").WithTags("Periods").RequireAuthorization(Policies.Office);
        periods.MapPut("/{id:int}", Change).WithSummary("The office moves a period's deadline.");
        return app;
    }

    static async Task<Results<Ok<List<PeriodItem>>, NotFound>> List(int id, JiaowangDb db, IOptions<ReportingOptions> options, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var periods = await Periods.ForPlanAsync(db, id, options.Value, ct);
        return TypedResults.Ok(periods.Select(PeriodItem.From).ToList());
    }

    static async Task<Results<Ok<PeriodItem>, NotFound, ValidationProblem>> Change(
        int id, PeriodChange change, Caller caller, JiaowangDb db, AuditLog audit, CancellationToken ct)
    {
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return TypedResults.NotFound();
        if (change.Deadline < period.Start)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deadline"] = ["The deadline cannot fall before the period starts."] });
        }
        var before = PeriodItem.From(period);
        period.Deadline = change.Deadline;
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Period", id.ToString(), "edit", before, PeriodItem.From(period))], ct);
        return TypedResults.Ok(PeriodItem.From(period));
    }
}
