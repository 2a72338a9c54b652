using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Meetings;

public sealed record FollowUpDone(string? Note);

/// <summary>Meetings and inspections (会议、视察) and their follow-up items (议定事项) over HTTP.</summary>
public static class MeetingsApi
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        // One form for new and edited meetings: /meetings/new is the same page without a meeting id.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Meetings/EditMeeting", "/meetings/new"));
        return services.AddScoped<MeetingActions>();
    }

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans/{id:int}").WithTags("Meetings").RequireAuthorization();
        plans.MapGet("/meetings", List).RequireAuthorization(Policies.ReadAll).WithSummary("The plan's meetings and inspections, newest first, each with its decisions.");
        plans.MapPost("/meetings", Create).RequireAuthorization(Policies.Office)
            .WithSummary("The office records a meeting or inspection; each decision becomes a follow-up item with an owner unit and a deadline.");
        plans.MapGet("/followups", FollowUps).ScopedTo(Scope.Plan)
            .WithSummary("Follow-up items the caller may read (a liaison: their unit's), by deadline; filter by unitId and status (onTrack, atRisk, behind, done).");
        var followUps = app.MapGroup("/api/followups").WithTags("Meetings").RequireAuthorization().ScopedTo(Scope.FollowUp);
        followUps.MapPost("/{id:int}/done", Done).WithSummary("The owner unit's liaison, or the office, marks a follow-up done with a note.");
        followUps.MapPost("/{id:int}/reopen", Reopen).RequireAuthorization(Policies.Office).WithSummary("The office opens a done follow-up again.");
        return app;
    }

    static async Task<Results<Ok<List<MeetingItem>>, NotFound>> List(int id, string? kind, JiaowangDb db, MeetingActions actions, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        var query = db.Meetings.AsNoTracking().Include(m => m.FollowUps).Where(m => m.PlanId == id);
        if (MeetingInput.ParseKind(kind) is { } k) query = query.Where(m => m.Kind == k);
        var meetings = await query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var names = await actions.UnitNamesAsync(meetings.SelectMany(m => m.FollowUps).Select(f => f.UnitId), ct);
        return TypedResults.Ok(meetings.Select(m => MeetingItem.From(m, names, actions.Today)).ToList());
    }

    static async Task<Results<Created<MeetingItem>, Refused>> Create(int id, MeetingInput request, Caller caller, MeetingActions actions, CancellationToken ct)
    {
        var outcome = await actions.CreateAsync(id, request, caller.UserName, ct);
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var meeting = outcome.Value!;
        var names = await actions.UnitNamesAsync(meeting.FollowUps.Select(f => f.UnitId), ct);
        return TypedResults.Created($"/api/plans/{id}/meetings/{meeting.Id}", MeetingItem.From(meeting, names, actions.Today));
    }

    static async Task<Results<Ok<List<FollowUpItem>>, NotFound>> FollowUps(int id, int? unitId, string? status, Caller caller,
        JiaowangDb db, MeetingActions actions, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await actions.FollowUpsAsync(caller, id, unitId, status, latestFirst: false, ct));
    }

    static async Task<Results<Ok<FollowUpItem>, Refused>> Done(int id, FollowUpDone? request, Caller caller, JiaowangDb db, MeetingActions actions, CancellationToken ct) =>
        await ItemAsync(await actions.MarkDoneAsync(caller, id, request?.Note, ct), db, actions, ct);

    static async Task<Results<Ok<FollowUpItem>, Refused>> Reopen(int id, Caller caller, JiaowangDb db, MeetingActions actions, CancellationToken ct) =>
        await ItemAsync(await actions.ReopenAsync(caller, id, ct), db, actions, ct);

    static async Task<Results<Ok<FollowUpItem>, Refused>> ItemAsync(Outcome<Core.Meetings.FollowUp> outcome, JiaowangDb db, MeetingActions actions, CancellationToken ct)
    {
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var item = outcome.Value!;
        var unit = await db.Units.Where(u => u.Id == item.UnitId).Select(u => u.Name).FirstAsync(ct);
        return TypedResults.Ok(FollowUpItem.From(item, item.Meeting!, unit, actions.Today));
    }
}
