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
    /// <returns>The account (detached and partial: name, unit, stamp, lockout; the request's own), or null when the
    /// session must end.</returns>
    public async Task<JiaowangUser?> ValidateAsync(ClaimsPrincipal principal, IServiceProvider requestServices, CancellationToken ct)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id) return null;
        Task<SessionRow?> Read() => SessionRow.ReadAsync(requestServices.GetRequiredService<JiaowangDb>(), id, ct);
        var row = kept.ExactAcrossProcesses ? await kept.GetAsync(("session", id), Read) : await Read();
        if (row?.SecurityStamp is null || row.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType)) return null;
        // UserManager.IsLockedOutAsync's rule.
        if (row.LockoutEnabled && row.LockoutEnd >= DateTimeOffset.UtcNow) return null;
        return row.ToUser();
    }

    sealed record SessionRow(string Id, string? UserName, int? UnitId, string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd)
    {
        public static Task<SessionRow?> ReadAsync(JiaowangDb db, string id, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new SessionRow(u.Id, u.UserName, u.UnitId, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
                .FirstOrDefaultAsync(ct);

        public JiaowangUser ToUser() => new()
        {
            Id = Id, UserName = UserName, UnitId = UnitId, SecurityStamp = SecurityStamp, LockoutEnabled = LockoutEnabled, LockoutEnd = LockoutEnd,
        };
    }
}
