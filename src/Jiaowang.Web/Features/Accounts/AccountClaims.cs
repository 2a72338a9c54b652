using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>Claims Jiaowang adds to a signed-in user's principal.</summary>
public static class AccountClaims
{
    /// <summary>
    /// A step the person must take before the session is a full one: <see cref="PasswordStep"/> (a one-time password
    /// is still in use) or <see cref="TwoFactorStep"/> (office or admin without two-step sign-in, when required).
    /// </summary>
    public const string PendingStep = "jiaowang:pending";
    public const string PasswordStep = "password";
    public const string TwoFactorStep = "2fa";

    public static string? Pending(this ClaimsPrincipal user) => user.FindFirstValue(PendingStep);
}

/// <summary>
/// Builds the principal at sign-in and whenever the session is re-validated (every request, see
/// <see cref="AccountsSetup"/>), so the pending step always reflects the account as stored.
/// </summary>
public sealed class JiaowangClaimsFactory(
    UserManager<JiaowangUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> identity, IOptions<AccountOptions> accounts)
    : UserClaimsPrincipalFactory<JiaowangUser, IdentityRole>(users, roles, identity)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(JiaowangUser user)
    {
        var claims = await base.GenerateClaimsAsync(user);
        if (await PendingStepAsync(user, claims) is { } step) claims.AddClaim(new Claim(AccountClaims.PendingStep, step));
        return claims;
    }

    async Task<string?> PendingStepAsync(JiaowangUser user, ClaimsIdentity claims)
    {
        if (user.MustChangePassword) return AccountClaims.PasswordStep;
        var staff = claims.HasClaim(Options.ClaimsIdentity.RoleClaimType, Roles.Office) || claims.HasClaim(Options.ClaimsIdentity.RoleClaimType, Roles.Admin);
        if (staff && accounts.Value.RequireTwoFactorForStaff && !await UserManager.GetTwoFactorEnabledAsync(user)) return AccountClaims.TwoFactorStep;
        return null;
    }
}

/// <summary>
/// A session (cookie or bearer token) stays valid only while its security stamp is the account's current one and the
/// account is not locked out or disabled. Changing or resetting the password, switching two-step sign-in, and
/// disabling the account all renew the stamp, so every older session ends at its next request.
/// </summary>
public sealed class JiaowangSignInManager(
    UserManager<JiaowangUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<JiaowangUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<JiaowangUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<JiaowangUser> confirmation)
    : SignInManager<JiaowangUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<JiaowangUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is null || await UserManager.IsLockedOutAsync(user) ? null : user;
    }
}
