using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Tasks;

/// <summary>A task's measure as the API and the task page show it: led by the task's lead unit(s).</summary>
public sealed record MeasureItem(int Id, int TaskId, int Position, string Text, IReadOnlyList<string> LeadUnits, string? Deadline, string Status, DateTimeOffset? DoneAt, string? DoneBy)
{
    public static string StatusName(MeasureStatus status) => status == MeasureStatus.Done ? "done" : "open";
}

/// <summary>The office marks a measure done (<c>true</c>) or open again (<c>false</c>).</summary>
public sealed record MeasureStatusChange(bool Done);

public static class MeasuresApi
{
    public static RouteGroupBuilder MapMeasuresApi(this IEndpointRouteBuilder app)
    {
        var measures = app.MapGroup("/api").WithTags("Measures").RequireAuthorization();
        measures.MapGet("/tasks/{id:int}/measures", List).ScopedTo(Scope.Plan)
            .WithSummary("The measures a task names (一是…二是…), each with its lead unit, deadline and status (open or done).");
        measures.MapPut("/measures/{id:int}", SetStatus).RequireAuthorization(Policies.Office)
            .WithSummary("The office marks a measure done or open again.");
        return measures;
    }

    public static async Task<List<MeasureItem>> ForTaskAsync(JiaowangDb db, int taskId, CancellationToken ct)
    {
        var leads = await db.Assignments.AsNoTracking()
            .Where(a => a.PlanTaskId == taskId && a.Role == AssignmentRole.Lead)
            .OrderBy(a => a.Position).Select(a => a.Unit!.Name).ToListAsync(ct);
        var rows = await db.Measures.AsNoTracking().Where(m => m.PlanTaskId == taskId).OrderBy(m => m.Position).ToListAsync(ct);
        return rows.Select(m => Item(m, leads)).ToList();
    }

    static MeasureItem Item(Measure m, IReadOnlyList<string> leads) =>
        new(m.Id, m.PlanTaskId, m.Position, m.Text, leads, m.Deadline, MeasureItem.StatusName(m.Status), m.DoneAt, m.DoneBy);

    static async Task<Results<Ok<List<MeasureItem>>, Refused>> List(int id, Caller caller, JiaowangDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == id, ct)) return Refusal.NotFound(text["Measures.TaskNotFound"]).ToHttp();
        return TypedResults.Ok(await ForTaskAsync(db, id, ct));
    }

    static async Task<Results<Ok<MeasureItem>, Refused>> SetStatus(int id, MeasureStatusChange request, Caller caller, JiaowangDb db,
        TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var outcome = await SetStatusAsync(db, caller, id, request.Done, clock, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
    }

    public static async Task<Outcome<MeasureItem>> SetStatusAsync(JiaowangDb db, Caller caller, int id, bool done, TimeProvider clock,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Measures.OfficeOnly"]);
        var measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null) return Refusal.NotFound(text["Measures.NotFound"]);
        measure.Status = done ? MeasureStatus.Done : MeasureStatus.Open;
        measure.DoneAt = done ? clock.GetUtcNow() : null;
        measure.DoneBy = done ? caller.UserName : null;
        await db.SaveChangesAsync(ct);
        var leads = await db.Assignments.AsNoTracking()
            .Where(a => a.PlanTaskId == measure.PlanTaskId && a.Role == AssignmentRole.Lead)
            .OrderBy(a => a.Position).Select(a => a.Unit!.Name).ToListAsync(ct);
        return Item(measure, leads);
    }
}
