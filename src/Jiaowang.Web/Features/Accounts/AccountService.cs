using System.Security.Cryptography;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>What is needed to open an account. Without a password, a one-time password is generated.</summary>
/// <param name="UnitId">The unit by id (the API); <paramref name="UnitName"/> by name (pages, the CLI, sheets).</param>
public sealed record NewAccount(string UserName, string Role, string? UnitName = null, string? Password = null,
    string? DisplayName = null, string? Email = null, string? Phone = null, int? UnitId = null);

/// <summary>A problem with one field of a new account, in the reader's language.</summary>
public sealed record AccountError(string Field, string Message);

public sealed record AccountResult(JiaowangUser? User, string? OneTimePassword, IReadOnlyList<AccountError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Opens and administers accounts the same way for the CLI, the office's pages, the API and bulk imports; who may
/// administer whom is decided here and nowhere else (AccountAdministration.cs).
/// </summary>
public sealed partial class AccountService(UserManager<JiaowangUser> users, JiaowangDb db, TimeProvider clock, IStringLocalizer<SharedResource> text,
    IStringLocalizer<AccountsText> words, Audit.AuditLog audit)
{
    /// <summary>
    /// Who may open which account: the office opens liaison and leader accounts; member (政协委员, who vote on the
    /// office's work) and office and admin accounts only an admin, so the office can neither vote in a member's
    /// name nor give itself more power.
    /// </summary>
    public static IReadOnlyList<string> RolesCreatableBy(System.Security.Claims.ClaimsPrincipal creator) =>
        RolesFor(creator.IsInRole(Roles.Admin), creator.IsInRole(Roles.Office));

    static IReadOnlyList<string> RolesFor(bool admin, bool office) => admin ? Roles.All : office ? [Roles.Liaison, Roles.Leader] : [];

    /// <summary>Opens an account for a signed-in person on a page or an API, within what their role may open.</summary>
    public Task<AccountResult> CreateAsync(NewAccount account, System.Security.Claims.ClaimsPrincipal creator, CancellationToken ct = default)
    {
        var role = account.Role.Trim().ToLowerInvariant();
        return Roles.IsKnown(role) && !RolesCreatableBy(creator).Contains(role)
            ? Task.FromResult(new AccountResult(null, null, [new AccountError("role", text["Account.RoleNotAllowed", role])]))
            : CreateAsync(account, ct);
    }

    /// <summary>Opens an account without asking who opens it: for the command line, which is run by the server's administrator.</summary>
    public async Task<AccountResult> CreateAsync(NewAccount account, CancellationToken ct = default)
    {
        var errors = new List<AccountError>();
        var role = account.Role.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(account.UserName)) errors.Add(new("name", text["Account.NameRequired"]));
        else if (await users.FindByNameAsync(account.UserName.Trim()) is not null) errors.Add(new("name", text["Account.NameTaken", account.UserName.Trim()]));
        if (!Roles.IsKnown(role)) errors.Add(new("role", text["Account.UnknownRole", account.Role, string.Join(", ", Roles.All)]));
        // The columns' sizes: a longer value would fail in the database instead of being named here.
        if (account.DisplayName?.Trim().Length > 100) errors.Add(new("displayName", words["Import.TooLong", 100]));
        if (account.Email?.Trim().Length > 256) errors.Add(new("email", words["Import.TooLong", 256]));
        if (account.Phone?.Trim().Length > 50) errors.Add(new("phone", words["Import.TooLong", 50]));

        int? unitId = null;
        if (account.UnitId is { } byId)
        {
            unitId = await db.Units.AnyAsync(u => u.Id == byId, ct) ? byId : null;
            if (unitId is null) errors.Add(new("unit", words["Admin.UnknownUnitId", byId]));
        }
        else if (!string.IsNullOrWhiteSpace(account.UnitName))
        {
            var name = account.UnitName.Trim();
            unitId = await db.Units.Where(u => u.Name == name).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (unitId is null) errors.Add(new("unit", text["Account.UnknownUnit", name]));
        }
        else if (role == Roles.Liaison)
        {
            errors.Add(new("unit", text["Account.UnitRequired"]));
        }
        if (errors.Count > 0) return new AccountResult(null, null, errors);

        var oneTime = account.Password is null ? GeneratePassword() : null;
        var user = new JiaowangUser
        {
            UserName = account.UserName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? null : account.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(account.Email) ? null : account.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(account.Phone) ? null : account.Phone.Trim(),
            UnitId = unitId,
            MustChangePassword = oneTime is not null,
            CreatedAt = clock.GetUtcNow(),
            // The unit's first liaison is its primary one; later ones join until the office hands over.
            IsPrimaryLiaison = role == Roles.Liaison && unitId is { } unit && !await db.Users.AnyAsync(u => u.UnitId == unit && u.IsPrimaryLiaison, ct),
        };

        // Inside a bulk import's transaction, this account is one part of it; otherwise it has its own.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = await users.CreateAsync(user, account.Password ?? oneTime!);
        if (!created.Succeeded)
        {
            return new AccountResult(null, null, created.Errors
                .Select(e => new AccountError(e.Code.Contains("UserName", StringComparison.Ordinal) ? "name" : "password", Describe(e))).ToList());
        }
        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded) return new AccountResult(null, null, inRole.Errors.Select(e => new AccountError("role", Describe(e))).ToList());
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new AccountResult(user, oneTime, []);
    }

    /// <summary>Disables an account by name, for the command line (the server's administrator); see <see cref="DisableAsync(Caller, string, CancellationToken)"/>.</summary>
    public async Task<JiaowangUser?> DisableAsync(string userName, string actor, Audit.AuditLog _, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName.Trim()) is not { } user) return null;
        await InTransactionAsync(() => DisableAsync(user, actor, ct), ct);
        return user;
    }

    public async Task<JiaowangUser?> EnableAsync(string userName, string actor, Audit.AuditLog _, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName.Trim()) is not { } user) return null;
        await InTransactionAsync(() => EnableAsync(user, actor, ct), ct);
        return user;
    }

    /// <summary>Identity's own messages are English only; the ones a person can fix are said in their language.</summary>
    string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["Account.PasswordTooShort", users.Options.Password.RequiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => text["Account.PasswordRequiresDigit"],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => text["Account.PasswordRequiresLower"],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => text["Account.PasswordRequiresUpper"],
        nameof(IdentityErrorDescriber.InvalidUserName) => text["Account.InvalidName"],
        _ => error.Description,
    };

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), with every class Identity asks for.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        const string all = lower + upper + digits;
        var chars = new char[16];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
