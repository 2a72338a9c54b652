using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Data;
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
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
    public sealed record UnitInfo(int Id, string Name);
    public sealed record Me(string UserName, string? DisplayName, string Role, UnitInfo? Unit);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueToken).WithTags("Accounts").AllowAnonymous()
            .WithSummary("Exchanges a user name and password for a bearer token; send it as Authorization: Bearer ….");
        app.MapGet("/api/me", GetMe).WithTags("Accounts").ScopedTo(Scope.Self).WithSummary("The signed-in user, role and unit.");
        return app;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext context, UserManager<JiaowangUser> users, SignInManager<JiaowangUser> signIn,
        IStringLocalizer<SharedResource> text)
    {
        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName.Trim());
        if (user is null) return Refused(text["Login.Failed"]);
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut) return Refused(text["Login.LockedOut"]);
        if (!check.Succeeded) return Refused(text["Login.Failed"]);
        if (user.TwoFactorEnabled && !await TwoFactorModel.VerifyAsync(users, user, request.TwoFactorCode))
        {
            await users.AccessFailedAsync(user);
            return Refused(text["TwoFactor.TokenNeedsCode"]);
        }
        if (user.MustChangePassword) return TypedResults.Problem(text["Login.MustChangePassword"], statusCode: StatusCodes.Status403Forbidden);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = AccountsSetup.IssueToken(context, principal);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

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
