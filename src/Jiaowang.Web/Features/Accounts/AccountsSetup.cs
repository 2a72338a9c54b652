using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Jiaowang.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Browsers sign in with a cookie, scripts with a bearer token; this scheme picks by the request.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<JiaowangUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<JiaowangDb>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = ".Jiaowang.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Programs get status codes, not a login page.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddPolicyScheme(CookieOrBearer, CookieOrBearer, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Office, p => p.RequireRole(Roles.Office, Roles.Admin))
            .AddPolicy(Policies.OfficeScript, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Office, Roles.Admin))
            .AddPolicy(Policies.ReadAll, p => p.RequireRole(Roles.Leader, Roles.Office, Roles.Admin))
            .AddPolicy(Policies.Liaison, p => p.RequireRole(Roles.Liaison))
            .AddPolicy(Policies.Member, p => p.RequireRole(Roles.Member));
        services.AddScoped<AccountService>();
        return services;
    }

    /// <summary>Password and lockout rules, the same wherever accounts are made (web host and CLI).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    static Task Answer(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the five roles when missing: they are data, but the code relies on them.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>The token for <c>POST /api/auth/token</c>: the same protector the bearer handler checks.</summary>
    internal static (string Token, DateTimeOffset ExpiresAt) IssueToken(HttpContext context, System.Security.Claims.ClaimsPrincipal principal)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme);
        // The handler checks expiry with its own clock, so the token is stamped with the same one.
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return (options.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
