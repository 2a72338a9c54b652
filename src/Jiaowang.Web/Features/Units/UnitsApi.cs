using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

public static class UnitsApi
{
    public sealed record UnitSummary(int Id, string Name, string? Annotation);

    /// <summary>A unit to add to a group.</summary>
    public sealed record MemberChange(int MemberId);

    /// <summary>The members of a 各相关区人民政府 that report on one task; an empty list takes the choice back.</summary>
    public sealed record ChosenMembers(int[] MemberIds);

    public static IServiceCollection AddUnits(this IServiceCollection services) => services.AddScoped<UnitGroupActions>();

    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units").AllowAnonymous();
        units.MapGet("/", ListUnits).WithSummary("All responsible units, by name.");
        units.MapGet("/{id:int}", GetUnit).WithSummary("One unit with the tasks it leads and supports; a group's members, a member's group.");

        var groups = app.MapGroup("/api").WithTags("Units").RequireAuthorization(Policies.Office);
        groups.MapPost("/units/{id:int}/members", AddMember).WithSummary("The office adds a unit to a group (各区人民政府).");
        groups.MapDelete("/units/{id:int}/members/{memberId:int}", RemoveMember).WithSummary("The office removes a unit from a group.");
        groups.MapPut("/tasks/{taskId:int}/groups/{groupId:int}/members", Choose)
            .WithSummary("The office names the members of a 各相关区人民政府 that report on one task.");
        return units;
    }

    static async Task<Ok<List<UnitSummary>>> ListUnits(JiaowangDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new UnitSummary(u.Id, u.Name, u.Annotation)).ToListAsync(ct));

    static async Task<Results<Ok<UnitDetail>, NotFound>> GetUnit(int id, JiaowangDb db, CancellationToken ct) =>
        await UnitDetail.LoadAsync(db, id, ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<UnitRef>>, Refused>> AddMember(int id, MemberChange change, Caller caller, UnitGroupActions actions, CancellationToken ct) =>
        Http(await actions.AddMemberAsync(caller, id, change.MemberId, ct));

    static async Task<Results<Ok<IReadOnlyList<UnitRef>>, Refused>> RemoveMember(int id, int memberId, Caller caller, UnitGroupActions actions, CancellationToken ct) =>
        Http(await actions.RemoveMemberAsync(caller, id, memberId, ct));

    static async Task<Results<Ok<IReadOnlyList<UnitRef>>, Refused>> Choose(int taskId, int groupId, ChosenMembers body, Caller caller, UnitGroupActions actions, CancellationToken ct) =>
        Http(await actions.ChooseAsync(caller, taskId, groupId, body.MemberIds ?? [], ct));

    static Results<Ok<IReadOnlyList<UnitRef>>, Refused> Http(Outcome<IReadOnlyList<UnitRef>> outcome) =>
        outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(outcome.Value!);
}
