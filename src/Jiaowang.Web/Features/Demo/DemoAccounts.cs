using Jiaowang.Core.Demo;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Demo;

/// <summary>
/// The demo accounts: a liaison per unit (demo-liaison-NN), an office reviewer (demo-office) and a leader (demo-leader),
/// with addresses in the reserved .invalid domain. Written straight to the Identity tables rather than through
/// <see cref="AccountService"/>: that service opens its own transaction per account and hashes each password, where the
/// generator needs all accounts inside its one transaction, in well under a second.
/// </summary>
static class DemoAccounts
{
    public static string Email(string userName) => $"{userName}@{DemoRun.EmailDomain}";

    /// <returns>How many accounts were opened; existing demo accounts are kept (and get the new password, when one is given).</returns>
    public static async Task<int> EnsureAsync(JiaowangDb db, IReadOnlyList<PlanShape.UnitInfo> units, string? password, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = new List<(string Name, string Role, int? UnitId, string DisplayName)>
        {
            (ReportLife.Office, Roles.Office, null, "演示审核员 / Demo reviewer"),
            (DemoYear.Leader, Roles.Leader, null, "演示领导 / Demo leader"),
        };
        wanted.AddRange(units.Select(u => (u.Liaison, Roles.Liaison, (int?)u.Id, $"演示联络员（{u.Name}）")));

        var names = wanted.Select(w => w.Name.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).ToDictionaryAsync(u => u.NormalizedUserName!, ct);
        // One hash for every demo account: hashing is deliberately slow, and they all share the one demo password.
        var hash = password is null ? null : new PasswordHasher<JiaowangUser>().HashPassword(new JiaowangUser(), password);
        var roles = await RoleIdsAsync(db, ct);
        var opened = 0;
        // A demo liaison is its unit's primary one unless the unit already has one (one primary per unit).
        var withPrimary = (await db.Users.Where(u => u.IsPrimaryLiaison && u.UnitId != null).Select(u => u.UnitId!.Value).ToListAsync(ct)).ToHashSet();
        foreach (var (name, role, unitId, displayName) in wanted)
        {
            if (existing.TryGetValue(name.ToUpperInvariant(), out var user))
            {
                if (hash is not null)
                {
                    user.PasswordHash = hash;
                    user.SecurityStamp = Guid.NewGuid().ToString("N");
                }
                continue;
            }
            user = new JiaowangUser
            {
                UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = Email(name), NormalizedEmail = Email(name).ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = displayName, UnitId = unitId, PasswordHash = hash, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = now,
                IsPrimaryLiaison = role == Roles.Liaison && unitId is { } unit && withPrimary.Add(unit),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            opened++;
        }
        return opened;
    }

    static async Task<Dictionary<string, string>> RoleIdsAsync(JiaowangDb db, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var name in Roles.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
            db.Roles.Add(role);
            roles[name] = role.Id;
        }
        return roles;
    }
}
