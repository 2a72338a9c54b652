using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Who may administer whom, and the administration itself (disable, enable, reset, change role or unit, hand a unit
/// over to another primary liaison). Every action is one transaction with an explicit audit record naming the account;
/// the actor is the caller (or <c>cli:&lt;os user&gt;</c>).
/// </summary>
public sealed partial class AccountService
{
    /// <summary>
    /// The office administers liaison and leader accounts; an admin every account, so that the office can neither act
    /// for a council member in a vote nor give itself or another staff member more power.
    /// </summary>
    public static IReadOnlyList<string> RolesAdministeredBy(Caller caller) => RolesFor(caller.IsAdmin, caller.IsOffice);

    /// <summary>The server's administrator running <c>jiaowang user …</c>: every power an admin has, under the OS user's name.</summary>
    public static Caller CommandLine(string actor) => new("", actor, new HashSet<string> { Roles.Admin }, null);

    /// <summary>Only liaisons are bound to a unit (the caller of a leader or member has none).</summary>
    public static bool TakesUnit(string role) => role == Roles.Liaison;

    /// <summary>The account and its role, when the caller may administer it; nobody administers their own account here.</summary>
    async Task<Outcome<(JiaowangUser User, string Role)>> LoadAsync(Caller caller, string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return Refusal.NotFound(words["Admin.NotFound", id]);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (!RolesAdministeredBy(caller).Contains(role)) return Refusal.Forbidden(words["Admin.NotYours", user.UserName!, words["Role." + role]]);
        if (user.Id == caller.UserId) return Refusal.Conflict(words["Admin.NotYourself"]);
        return (user, role);
    }

    /// <summary>Opens an account within what the caller may open, with an audit record; a one-time password when none is given.</summary>
    public async Task<Outcome<AccountResult>> CreateAsync(Caller caller, NewAccount account, CancellationToken ct = default)
    {
        var role = account.Role?.Trim().ToLowerInvariant() ?? "";
        if (Roles.IsKnown(role) && !RolesAdministeredBy(caller).Contains(role))
            return Refusal.Invalid("role", text["Account.RoleNotAllowed", role]);
        return await InTransactionAsync<AccountResult>(async () =>
        {
            var result = await CreateAsync(account with { Role = role }, ct);
            if (!result.Succeeded) return Refusal.Invalid(result.Errors.GroupBy(e => ApiField(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                string.Join(" ", result.Errors.Select(e => e.Message)));
            var user = result.User!;
            await audit.SaveAsync(db, caller.UserName, () =>
                [new AuditRecord("Account", user.Id, "create", null, new { user.UserName, role, user.UnitId, user.Email, user.PhoneNumber, primary = user.IsPrimaryLiaison })], ct);
            return result;
        }, ct);
    }

    /// <summary>The request field an <see cref="AccountError"/> is about, as the API names it.</summary>
    static string ApiField(string field) => field switch { "name" => "userName", "unit" => "unitId", _ => field };

    public Task<Outcome<AccountItem>> DisableAsync(Caller caller, string id, CancellationToken ct = default) =>
        ActAsync(caller, id, (user, _) => DisableAsync(user, caller.UserName, ct), ct);

    public Task<Outcome<AccountItem>> EnableAsync(Caller caller, string id, CancellationToken ct = default) =>
        ActAsync(caller, id, (user, _) => EnableAsync(user, caller.UserName, ct), ct);

    /// <summary>
    /// Disables an account: locked out until the end of time, and a new security stamp so that every cookie and
    /// token of it is refused at its next request. No schema change: Identity's lockout is the disabled flag (failed
    /// sign-ins never lock an account, see SignInThrottle).
    /// </summary>
    async Task<Outcome<bool>> DisableAsync(JiaowangUser user, string actor, CancellationToken ct)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Account", user.Id, "disabled", null, new { user.UserName })], ct);
        return true;
    }

    async Task<Outcome<bool>> EnableAsync(JiaowangUser user, string actor, CancellationToken ct)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Account", user.Id, "enabled", null, new { user.UserName })], ct);
        return true;
    }

    /// <summary>A new one-time password, shown once to whoever reset it; every session ends, and the next sign-in must change it.</summary>
    public async Task<Outcome<string>> ResetAsync(Caller caller, string id, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(caller, id);
        if (!loaded.Succeeded) return loaded.Refusal!;
        return await InTransactionAsync(() => ResetAsync(loaded.Value.User, caller.UserName, ct), ct);
    }

    /// <summary>Resets by name, for the command line.</summary>
    public async Task<Outcome<string>> ResetAsync(string userName, string actor, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName.Trim()) is not { } user) return Refusal.NotFound(words["Admin.NotFound", userName]);
        return await InTransactionAsync(() => ResetAsync(user, actor, ct), ct);
    }

    async Task<Outcome<string>> ResetAsync(JiaowangUser user, string actor, CancellationToken ct)
    {
        var oneTime = GeneratePassword();
        user.MustChangePassword = true;
        // Both steps renew the security stamp, which ends every cookie and token of the account.
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, oneTime);
        if (!added.Succeeded) return Refusal.Conflict(string.Join(" ", added.Errors.Select(Describe)));
        // The password itself is never written anywhere: the record says only that it was reset.
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Account", user.Id, "password-reset", null, new { user.UserName })], ct);
        return oneTime;
    }

    /// <summary>
    /// Changes the role or unit. Both old and new role must be within the caller's powers. The account's sessions end
    /// (their role claims would be stale); a primary liaison who leaves the unit passes the flag to the unit's next
    /// active liaison, and one who arrives in a unit without a primary becomes it.
    /// </summary>
    public async Task<Outcome<AccountItem>> ChangeAsync(Caller caller, string id, string? newRole, int? unitId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(caller, id);
        if (!loaded.Succeeded) return loaded.Refusal!;
        var (user, oldRole) = loaded.Value;
        var role = string.IsNullOrWhiteSpace(newRole) ? oldRole : newRole.Trim().ToLowerInvariant();
        if (!Roles.IsKnown(role)) return Refusal.Invalid("role", text["Account.UnknownRole", newRole!, string.Join(", ", Roles.All)]);
        if (!RolesAdministeredBy(caller).Contains(role)) return Refusal.Forbidden(text["Account.RoleNotAllowed", role]);
        int? unit = TakesUnit(role) ? unitId ?? (TakesUnit(oldRole) ? user.UnitId : null) : null;
        if (TakesUnit(role) && unit is null) return Refusal.Invalid("unitId", words["Admin.UnitRequired"]);
        if (unit is { } u && !await db.Units.AnyAsync(x => x.Id == u, ct)) return Refusal.Invalid("unitId", words["Admin.UnknownUnitId", u]);
        if (role == oldRole && unit == user.UnitId) return await AccountDirectory.ItemAsync(db, user.Id, ct);

        return await InTransactionAsync<AccountItem>(async () =>
        {
            var before = new { user.UserName, role = oldRole, user.UnitId, primary = user.IsPrimaryLiaison };
            var oldUnit = user.UnitId;
            var passOn = user.IsPrimaryLiaison && unit != oldUnit;
            if (role != oldRole)
            {
                await users.RemoveFromRoleAsync(user, oldRole);
                await users.AddToRoleAsync(user, role);
            }
            user.UnitId = unit;
            if (passOn) user.IsPrimaryLiaison = false;
            // Saves the row; the flag is off before anyone else's goes on, as the one-primary index wants.
            await users.UpdateSecurityStampAsync(user);
            if (passOn && oldUnit is { } left && await SuccessorAsync(left, user.Id, ct) is { } successor) successor.IsPrimaryLiaison = true;
            if (unit is { } joined && !user.IsPrimaryLiaison && !await db.Users.AnyAsync(x => x.UnitId == joined && x.IsPrimaryLiaison, ct))
                user.IsPrimaryLiaison = true;
            await audit.SaveAsync(db, caller.UserName, () =>
                [new AuditRecord("Account", user.Id, "changed", before, new { user.UserName, role, user.UnitId, primary = user.IsPrimaryLiaison })], ct);
            return await AccountDirectory.ItemAsync(db, user.Id, ct);
        }, ct);
    }

    /// <summary>The unit's next liaison in line for primary: active, by user name.</summary>
    Task<JiaowangUser?> SuccessorAsync(int unitId, string leaving, CancellationToken ct) =>
        db.Users.Where(u => u.UnitId == unitId && u.Id != leaving && u.LockoutEnd == null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Liaison)))
            .OrderBy(u => u.UserName).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Hands the unit over: this liaison becomes its primary, the previous primary stays a liaison of the unit (the
    /// office disables them separately when they leave). Reports and the rest belong to the unit, so nothing moves.
    /// </summary>
    public async Task<Outcome<AccountItem>> MakePrimaryAsync(Caller caller, string id, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(caller, id);
        if (!loaded.Succeeded) return loaded.Refusal!;
        var (user, role) = loaded.Value;
        if (!TakesUnit(role) || user.UnitId is not { } unitId) return Refusal.Conflict(words["Admin.PrimaryOnlyLiaison", user.UserName!]);
        if (user.LockoutEnd is not null) return Refusal.Conflict(words["Admin.PrimaryDisabled", user.UserName!]);
        if (user.IsPrimaryLiaison) return await AccountDirectory.ItemAsync(db, user.Id, ct);

        return await InTransactionAsync<AccountItem>(async () =>
        {
            var previous = await db.Users.FirstOrDefaultAsync(u => u.UnitId == unitId && u.IsPrimaryLiaison, ct);
            if (previous is not null)
            {
                previous.IsPrimaryLiaison = false;
                await db.SaveChangesAsync(ct);
            }
            user.IsPrimaryLiaison = true;
            await audit.SaveAsync(db, caller.UserName, () =>
                [new AuditRecord("Account", user.Id, "primary", new { unitId, primary = previous?.UserName }, new { unitId, primary = user.UserName })], ct);
            return await AccountDirectory.ItemAsync(db, user.Id, ct);
        }, ct);
    }

    Task<Outcome<AccountItem>> ActAsync(Caller caller, string id, Func<JiaowangUser, string, Task<Outcome<bool>>> act, CancellationToken ct) =>
        InTransactionAsync<AccountItem>(async () =>
        {
            var loaded = await LoadAsync(caller, id);
            if (!loaded.Succeeded) return loaded.Refusal!;
            var done = await act(loaded.Value.User, loaded.Value.Role);
            if (!done.Succeeded) return done.Refusal!;
            return await AccountDirectory.ItemAsync(db, loaded.Value.User.Id, ct);
        }, ct);

    /// <summary>One transaction for an action of several saves: committed when it succeeds, rolled back (and forgotten) when refused.</summary>
    async Task<Outcome<T>> InTransactionAsync<T>(Func<Task<Outcome<T>>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await work();
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        return outcome;
    }
}
