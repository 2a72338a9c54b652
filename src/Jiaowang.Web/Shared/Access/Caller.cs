using System.Security.Claims;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Access;

/// <summary>The signed-in person as the supervision rules need them: their unit and what they may see.</summary>
public sealed record Caller(string UserName, int? UnitId, bool IsOffice, bool IsLeader)
{
    /// <summary>Office, admins and leaders read every unit's reports; liaisons only their own unit's.</summary>
    public bool ReadsAll => IsOffice || IsLeader;

    public bool CanSee(int unitId) => ReadsAll || UnitId == unitId;

    /// <summary>Only the unit's own liaison writes its reports and readings.</summary>
    public bool WritesFor(int unitId) => UnitId == unitId;

    public static async Task<Caller?> FromAsync(ClaimsPrincipal user, JiaowangDb db, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.UserName, u.UnitId }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        // A unit is bound only to liaisons: an office account that somehow has one still reports for nobody.
        var isLiaison = user.IsInRole(Roles.Liaison);
        return new Caller(row.UserName!, isLiaison ? row.UnitId : null,
            user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin), user.IsInRole(Roles.Leader));
    }
}
