using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Leadership;

/// <param name="Values">Anonymous visitors see each target's latest reported value.</param>
/// <param name="Statuses">Anonymous visitors see each target's red/yellow/green status.</param>
/// <param name="UpcomingEvents">Anonymous visitors see international events before they start.</param>
public sealed record PublicationItem(int PlanId, bool Values, bool Statuses, bool UpcomingEvents, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public static PublicationItem From(PlanPublication p) => new(p.PlanId, p.ShowsValues, p.ShowsStatuses, p.ShowsUpcomingEvents, p.UpdatedBy, p.UpdatedAt);
}

/// <summary>What to publish; a field left out keeps its current choice.</summary>
public sealed record PublicationInput(bool? Values, bool? Statuses, bool? UpcomingEvents);

/// <param name="Why">unit (the leader's own unit leads or co-works on it) or group (a leading-group member's unit does).</param>
public sealed record LeaderTask(int Id, int PlanId, int Number, string Title, string Role, string Status, string StatusReason, int UnitId, string Why);

public static class LeadershipApi
{
    public static IServiceCollection AddLeadership(this IServiceCollection services) =>
        services.AddScoped<LeadingGroup>().AddReportApproval();

    public static IEndpointRouteBuilder MapLeadershipApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans/{id:int}/leading-group").WithTags("Leading group");
        group.MapGet("/", List).RequireAuthorization().ScopedTo(Scope.Plan).WithSummary("The plan's leading group and its office, in order; for signed-in users.");
        group.MapPost("/", Add).RequireAuthorization(Policies.Office).WithSummary("The office adds a member with post, title, unit and optional leader account.");
        group.MapPut("/order", Order).RequireAuthorization(Policies.Office).WithSummary("The office puts the members in a new order (every member's id once).");
        var members = app.MapGroup("/api/leading-group").WithTags("Leading group").RequireAuthorization(Policies.Office);
        members.MapPut("/{id:int}", Edit).WithSummary("The office changes a member.");
        members.MapDelete("/{id:int}", Remove).WithSummary("The office removes a member.");

        var publication = app.MapGroup("/api/plans/{id:int}/publication").WithTags("Publication").RequireAuthorization(Policies.Office);
        publication.MapGet("/", GetPublication).WithSummary("What anonymous visitors see of the plan: values, statuses, upcoming events (the plan text always).");
        publication.MapPut("/", SetPublication).WithSummary("The office chooses what anonymous visitors see; the cached public pages are evicted.");

        app.MapGet("/api/me/leader-tasks", LeaderTasks).WithTags("Leading group").RequireAuthorization(InstructionsApi.LeaderPolicy)
            .WithSummary("For a leader: the tasks of the unit they lead and of their leading-group units, with status.");
        return app;
    }

    static async Task<Results<Ok<List<LeadingGroupItem>>, Refused>> List(int id, LeadingGroup group, CancellationToken ct) =>
        Answer(await group.ListAsync(id, ct));

    static async Task<Results<Created<LeadingGroupItem>, Refused>> Add(int id, LeadingGroupInput input, Caller caller, LeadingGroup group, CancellationToken ct)
    {
        var outcome = await group.AddAsync(caller, id, input, ct);
        return outcome.Succeeded ? TypedResults.Created($"/api/plans/{id}/leading-group", outcome.Value) : outcome.Refusal!.ToHttp();
    }

    static async Task<Results<Ok<LeadingGroupItem>, Refused>> Edit(int id, LeadingGroupInput input, Caller caller, LeadingGroup group, CancellationToken ct) =>
        Answer(await group.EditAsync(caller, id, input, ct));

    static async Task<Results<NoContent, Refused>> Remove(int id, Caller caller, LeadingGroup group, CancellationToken ct)
    {
        var outcome = await group.RemoveAsync(caller, id, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Refusal!.ToHttp();
    }

    static async Task<Results<Ok<List<LeadingGroupItem>>, Refused>> Order(int id, LeadingGroupOrder order, Caller caller, LeadingGroup group, CancellationToken ct) =>
        Answer(await group.OrderAsync(caller, id, order.Ids, ct));

    static async Task<Results<Ok<PublicationItem>, Refused>> GetPublication(int id, JiaowangDb db, IStringLocalizer<LeadershipText> text, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == id, ct)) return Refusal.NotFound(text["Group.UnknownPlan"]).ToHttp();
        return TypedResults.Ok(PublicationItem.From(await PublicView.ForPlanAsync(db, id, ct)));
    }

    static async Task<Results<Ok<PublicationItem>, Refused>> SetPublication(int id, PublicationInput input, Caller caller, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<LeadershipText> text, CancellationToken ct) =>
        Answer(await PublishAsync(caller, id, input, db, audit, clock, text, ct));

    /// <summary>Stores the office's choice; the write is in the plan namespace, so the cached public pages are evicted on commit.</summary>
    public static async Task<Outcome<PublicationItem>> PublishAsync(Caller caller, int planId, PublicationInput input, JiaowangDb db, AuditLog audit,
        TimeProvider clock, IStringLocalizer<LeadershipText> text, CancellationToken ct)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Group.OnlyOffice"]);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Group.UnknownPlan"]);
        var row = await db.PlanPublications.FirstOrDefaultAsync(p => p.PlanId == planId, ct);
        if (row is null) db.PlanPublications.Add(row = PlanPublication.Everything(planId));
        var before = PublicationItem.From(row);
        row.ShowsValues = input.Values ?? row.ShowsValues;
        row.ShowsStatuses = input.Statuses ?? row.ShowsStatuses;
        row.ShowsUpcomingEvents = input.UpcomingEvents ?? row.ShowsUpcomingEvents;
        row.UpdatedBy = caller.UserName;
        row.UpdatedAt = clock.GetUtcNow();
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("PlanPublication", planId.ToString(), "publish", before, PublicationItem.From(row))], ct);
        return PublicationItem.From(row);
    }

    static async Task<Ok<List<LeaderTask>>> LeaderTasks(Caller caller, JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options,
        IStringLocalizer<ReportsText> text, CancellationToken ct) =>
        TypedResults.Ok(await LeaderTasksAsync(caller, db, clock.Today(), options.Value, text, ct));

    /// <summary>
    /// A leader's own tasks: those of the unit they are bound to (分管), then those of the units they speak for in a
    /// leading group. Each task once, the nearer reason first.
    /// </summary>
    public static async Task<List<LeaderTask>> LeaderTasksAsync(Caller caller, JiaowangDb db, DateOnly today, ReportingOptions options,
        IStringLocalizer<ReportsText> text, CancellationToken ct = default)
    {
        var units = new List<(int UnitId, string Why)>();
        if (caller.LeadsUnitId is { } own) units.Add((own, "unit"));
        var groupUnits = await db.LeadingGroupMembers.AsNoTracking().Where(m => m.UserId == caller.UserId && m.UnitId != null)
            .Select(m => m.UnitId!.Value).Distinct().ToListAsync(ct);
        units.AddRange(groupUnits.Where(u => u != caller.LeadsUnitId).Select(u => (u, "group")));
        var result = new List<LeaderTask>();
        foreach (var (unitId, why) in units)
        {
            foreach (var t in await MyWorkApi.ForUnitAsync(db, unitId, today, options, text, ct))
                if (result.All(r => r.Id != t.Id)) result.Add(new LeaderTask(t.Id, t.PlanId, t.Number, t.Title, t.Role, t.Status, t.StatusReason, unitId, why));
        }
        return result;
    }

    static Results<Ok<T>, Refused> Answer<T>(Outcome<T> outcome) => outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Refusal!.ToHttp();
}
