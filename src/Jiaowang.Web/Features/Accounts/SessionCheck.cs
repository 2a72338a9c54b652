using System.Security.Claims;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// The check every signed-in request makes (<c>AccountsSetup</c>, cookie and bearer): Identity's rule of
/// <see cref="SignInManager{TUser}.ValidateSecurityStampAsync(ClaimsPrincipal)"/> plus the lockout, from one untracked
/// read of the columns it needs, without building the request's sign-in and user managers (once the row was kept, their
/// construction and the DbContext's were most of the check). Where every commit of every process is seen at the next
/// read (SQLite, <see cref="DatabaseVersion"/>) the row is kept until any write, so a disable, reset or role change still
/// ends the session at its next request whoever made it (the CLI included: UserDisableCommandTests); on PostgreSQL it is
/// read per request, since another process's write would only be announced a moment later. The stamp and the lockout
/// are compared per request either way. (Not an EF compiled query: one of those is bound to the first model it meets,
/// and the tests run SQLite and PostgreSQL in one process.)
/// </summary>
public sealed class SessionCheck(IOptions<IdentityOptions> identity, SupervisionCache kept)
{
    /// <returns>The account's name and unit, or null when the session must end. The same instance is handed to every
    /// request until the next write: building an Identity user per request (three new GUIDs in its constructors) was a
    /// quarter of this check's cost (docs/PERFORMANCE.md, "Signed-in pages", thirteenth round).</returns>
    public async Task<SessionAccount?> ValidateAsync(ClaimsPrincipal principal, IServiceProvider requestServices, CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id) return null;
        Task<SessionAccount?> Read() => SessionAccount.ReadAsync(requestServices.GetRequiredService<JiaowangDb>(), id, ct);
        var row = kept.ExactAcrossProcesses ? await kept.GetAsync(("session", id), Read) : await Read();
        if (row?.SecurityStamp is null || row.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType)) return null;
        // UserManager.IsLockedOutAsync's rule.
        if (row.LockoutEnabled && row.LockoutEnd >= DateTimeOffset.UtcNow) return null;
        return row;
    }
}

/// <summary>The columns of an account row the session check compares, and the name and unit a request's caller needs.</summary>
public sealed record SessionAccount(string Id, string? UserName, int? UnitId, string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd)
{
    internal static Task<SessionAccount?> ReadAsync(JiaowangDb db, string id, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SessionAccount(u.Id, u.UserName, u.UnitId, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefaultAsync(ct);
}
