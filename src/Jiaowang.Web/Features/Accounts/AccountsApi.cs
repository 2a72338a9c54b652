using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Accounts;

public static class AccountsApi
{
    /// <param name="TwoFactorCode">The authenticator app's code, for accounts with two-factor sign-in switched on.</param>
    public sealed record TokenRequest(string UserName, string Password, string? TwoFactorCode = null);
    /// <param name="RefreshToken">Exchanged at <c>POST /api/auth/refresh</c> for a new pair while the account is unchanged.</param>
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken = null);
    public sealed record RefreshRequest(string RefreshToken);
    public sealed record PasswordChange(string CurrentPassword, string NewPassword);
    public sealed record UnitInfo(int Id, string Name);
    public sealed record Me(string UserName, string? DisplayName, string Role, UnitInfo? Unit);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Exchanges a user name and password (and two-step code) for a bearer token and a refresh token.");
        app.MapPost("/api/auth/refresh", Refresh).WithTags("Accounts").AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Exchanges a refresh token for a new pair; refused once the password changed or the account was disabled.");
        app.MapGet("/api/me", GetMe).WithTags("Accounts").ScopedTo(Scope.Self).WithSummary("The signed-in user, role and unit.");
        // Bearer only: a browser's cookie cannot be used for it from another site; people use /account/password.
        app.MapPost("/api/me/password", ChangePassword).WithTags("Accounts").ScopedTo(Scope.Self)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser().Build())
            .WithSummary("Changes the signed-in user's password; every session and token issued before ends.");
        app.MapAccountAdminApi();
        return app;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext context, SignInGuard guard, SignInManager<JiaowangUser> signIn,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var check = await guard.CheckAsync(request.UserName, request.Password, request.TwoFactorCode, "token", ct);
        switch (check.Verdict)
        {
            case SignInVerdict.Throttled:
                context.Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(text["Login.TooMany", SignInRateLimit.Minutes(check.RetryAfterSeconds)],
                    statusCode: StatusCodes.Status429TooManyRequests);
            case SignInVerdict.Failed:
                return Refused(text["Login.FailedToken"]);
            case SignInVerdict.Disabled:
                return Refused(text["Login.Disabled"]);
        }

        var principal = await signIn.CreateUserPrincipalAsync(check.User!);
        if (principal.Pending() is { } step)
        {
            return TypedResults.Problem(text[step == AccountClaims.PasswordStep ? "Login.MustChangePassword" : "Login.MustEnrolTwoFactor"],
                statusCode: StatusCodes.Status403Forbidden);
        }
        var (token, expiresAt, refresh) = AccountsSetup.IssueToken(context, principal);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, refresh));
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(
        RefreshRequest request, HttpContext context, SignInManager<JiaowangUser> signIn, IStringLocalizer<SharedResource> text)
    {
        // The stamp check makes a refresh token die with the password, like the access token it came with.
        var user = AccountsSetup.ReadRefreshToken(context, request.RefreshToken) is { } old ? await signIn.ValidateSecurityStampAsync(old) : null;
        if (user is null) return Refused(text["Login.RefreshRefused"]);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (principal.Pending() is not null) return Refused(text["Login.RefreshRefused"]);
        var (token, expiresAt, refresh) = AccountsSetup.IssueToken(context, principal);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, refresh));
    }

    static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePassword(
        PasswordChange request, HttpContext context, UserManager<JiaowangUser> users, JiaowangDb db, AuditLog audit,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null) return TypedResults.Unauthorized();
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "currentPassword" : "newPassword"] =
                    changed.Errors.Select(e => PasswordProblem(e, users, text)).ToArray(),
            });
        }
        await PasswordChangedAsync(user, users, db, audit, "api", ct);
        return TypedResults.NoContent();
    }

    /// <summary>After a password change: the one-time flag goes and the change is audited (ChangePasswordAsync renewed the stamp).</summary>
    internal static async Task PasswordChangedAsync(JiaowangUser user, UserManager<JiaowangUser> users, JiaowangDb db, AuditLog audit, string via, CancellationToken ct)
    {
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await audit.SaveAsync(db, user.UserName!, () => [new AuditRecord("Account", user.Id, "password-changed", null, new { via })], ct);
    }

    internal static string PasswordProblem(IdentityError error, UserManager<JiaowangUser> users, IStringLocalizer<SharedResource> text) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => text["Password.CurrentWrong"],
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["Account.PasswordTooShort", users.Options.Password.RequiredLength],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => text["Account.PasswordRequiresDigit"],
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => text["Account.PasswordRequiresLower"],
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => text["Account.PasswordRequiresUpper"],
        _ => error.Description,
    };

    static ProblemHttpResult Refused(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);

    static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(HttpContext context, UserManager<JiaowangUser> users, JiaowangDb db)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null) return TypedResults.Unauthorized();
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var unit = user.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => new UnitInfo(u.Id, u.Name)).FirstOrDefaultAsync()
            : null;
        return TypedResults.Ok(new Me(user.UserName!, user.DisplayName, role, unit));
    }
}
