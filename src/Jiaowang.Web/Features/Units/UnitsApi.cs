using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

public static class UnitsApi
{
    public sealed record UnitSummary(int Id, string Name, string? Annotation);

    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units").AllowAnonymous();
        units.MapGet("/", ListUnits).WithSummary("All responsible units, by name.");
        units.MapGet("/{id:int}", GetUnit).WithSummary("One unit with the tasks it leads and supports.");
        return units;
    }

    static async Task<Ok<List<UnitSummary>>> ListUnits(JiaowangDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new UnitSummary(u.Id, u.Name, u.Annotation)).ToListAsync(ct));

    static async Task<Results<Ok<UnitDetail>, NotFound>> GetUnit(int id, JiaowangDb db, CancellationToken ct) =>
        await UnitDetail.LoadAsync(db, id, ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound();
}
