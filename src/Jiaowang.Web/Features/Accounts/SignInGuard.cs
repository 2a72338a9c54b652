using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Jiaowang.Web.Features.Accounts;

public enum SignInVerdict
{
    Succeeded,
    /// <summary>Unknown name, wrong password, or (with two-step sign-in) a missing, wrong or used code: one answer for all.</summary>
    Failed,
    /// <summary>Too many failures from this address: wait <see cref="SignInCheck.RetryAfter"/>.</summary>
    Throttled,
    /// <summary>Name, password and code were right, but the account is disabled.</summary>
    Disabled,
}

public sealed record SignInCheck(SignInVerdict Verdict, JiaowangUser? User = null, TimeSpan RetryAfter = default)
{
    /// <summary>Whole seconds for a Retry-After header, never 0.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Checks a sign-in (form or token) in one step: name, password and, for accounts with two-step sign-in, the code.
/// The answer is the same for an unknown name, a wrong password and a wrong code, and takes about as long (an unknown
/// name is checked against a dummy hash), so it tells neither whether the name exists nor whether the password was
/// right. Failures slow the address down (<see cref="SignInThrottle"/>) instead of locking the account. Each attempt
/// is audited, without the password or the code.
/// </summary>
public sealed class SignInGuard(UserManager<JiaowangUser> users, SignInThrottle throttle, JiaowangDb db, AuditLog audit, IHttpContextAccessor http,
    TimeProvider clock)
{
    static string? dummyHash;

    public async Task<SignInCheck> CheckAsync(string? userName, string? password, string? code, string method, CancellationToken ct = default)
    {
        var name = userName?.Trim() ?? "";
        var address = http.HttpContext is { } context ? SignInThrottle.AddressOf(context) : "local";
        if (throttle.MustWait(name, address) is { } wait) return new SignInCheck(SignInVerdict.Throttled, RetryAfter: wait);

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        bool passwordRight;
        if (user is null)
        {
            dummyHash ??= users.PasswordHasher.HashPassword(new JiaowangUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new JiaowangUser(), dummyHash, password ?? "");
            passwordRight = false;
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, password ?? "");
        }
        // The code is checked only after a right password: a wrong password must not use up a right code.
        var right = passwordRight && (!user!.TwoFactorEnabled || await TwoFactorModel.VerifyAsync(users, user, code));
        if (!right)
        {
            throttle.Failed(name, address);
            await AuditAsync(user?.UserName ?? "anonymous", user?.Id ?? "", "sign-in-failed", new { userName = Clip(name), method, address }, ct);
            return new SignInCheck(SignInVerdict.Failed);
        }

        throttle.Succeeded(name, address);
        if (await users.IsLockedOutAsync(user!))
        {
            await AuditAsync(user!.UserName!, user.Id, "sign-in-refused", new { method, address, reason = "disabled" }, ct);
            return new SignInCheck(SignInVerdict.Disabled, user);
        }
        await users.ResetAccessFailedCountAsync(user!);
        // Saved with the audit record below: the office's list shows who has not signed in for a long time.
        user!.LastSignInAt = clock.GetUtcNow();
        await AuditAsync(user!.UserName!, user.Id, "sign-in", new { method, address, twoFactor = user.TwoFactorEnabled }, ct);
        return new SignInCheck(SignInVerdict.Succeeded, user);
    }

    static string Clip(string name) => name.Length > 64 ? name[..64] : name;

    Task AuditAsync(string actor, string userId, string action, object details, CancellationToken ct) =>
        audit.SaveAsync(db, actor, () => [new AuditRecord("Account", userId, action, null, details)], ct);
}
