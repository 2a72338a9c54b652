using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Supervision;

/// <param name="Role">lead (牵头) or co (配合).</param>
/// <param name="Status">onTrack, atRisk, behind or done, from the reports the task's units owe.</param>
public sealed record MyTask(int Id, int PlanId, int Number, string Title, string Role, string Status, string StatusReason);

public static class MyWorkApi
{
    public static IEndpointRouteBuilder MapMyWorkApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/tasks", MyTasks).WithTags("Reports").RequireAuthorization().ScopedTo(Scope.Self)
            .WithSummary("The tasks the caller's unit leads or supports (empty for accounts without a unit).");
        return app;
    }

    static async Task<Ok<List<MyTask>>> MyTasks(Caller caller, JiaowangDb db, TimeProvider clock,
        IOptions<ReportingOptions> options, IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        return TypedResults.Ok(caller.UnitId is { } unitId ? await ForUnitAsync(db, unitId, clock.Today(), options.Value, text, ct) : []);
    }

    public static async Task<List<MyTask>> ForUnitAsync(JiaowangDb db, int unitId, DateOnly today, ReportingOptions options,
        IStringLocalizer<ReportsText> text, CancellationToken ct = default)
    {
        var rows = (await Owing.ForUnitAsync(db, unitId, ct)).OrderBy(a => a.PlanId).ThenBy(a => a.Number).ToList();
        var result = new List<MyTask>();
        var states = await SupervisionState.LoadManyAsync(db, rows.Select(r => r.PlanId).Distinct().ToList(), today, options, ct);
        foreach (var plan in rows.GroupBy(r => r.PlanId))
        {
            var supervision = states[plan.Key];
            result.AddRange(plan.Select(r =>
            {
                var status = supervision.Tasks[r.PlanTaskId];
                return new MyTask(r.PlanTaskId, r.PlanId, r.Number, r.Title, r.Role == AssignmentRole.Lead ? "lead" : "co",
                    StatusText.Code(status.Status), text[$"TaskReason.{status.Reason}", status.Overdue, status.Returned]);
            }));
        }
        return result;
    }
}
