using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Jiaowang.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Browsers sign in with a cookie, scripts with a bearer token; this scheme picks by the request.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>The browser's sign-in cookie (also named in the OpenAPI document's security schemes).</summary>
    public const string CookieName = ".Jiaowang.Auth";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddIdentity<JiaowangUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<JiaowangDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddSignInManager<JiaowangSignInManager>()
            .AddClaimsPrincipalFactory<JiaowangClaimsFactory>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<SignInTickets>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Programs get status codes, not a login page.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = RejectStaleCookieAsync;
        });
        // After the handler's own post-configuration has made the cookie's ticket format.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<SignInTickets>((options, kept) => options.TicketDataFormat = new KeptCookieTickets(options.TicketDataFormat, kept, options));

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.Events.OnMessageReceived = RejectStaleTokenAsync)
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
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<Microsoft.Extensions.Options.IOptions<AccountOptions>>((bearer, accounts) =>
        {
            bearer.BearerTokenExpiration = TimeSpan.FromMinutes(accounts.Value.AccessTokenMinutes);
            bearer.RefreshTokenExpiration = TimeSpan.FromHours(accounts.Value.RefreshTokenHours);
        });
        services.AddScoped<AccountService>();
        services.AddScoped<SignInGuard>();
        services.AddSingleton<SignInThrottle>();
        services.AddSignInRateLimit();
        return services;
    }

    /// <summary>Password and lockout rules, the same wherever accounts are made (web host and CLI).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        // Failed sign-ins never lock the account (see SignInThrottle); lockout is how an account is disabled.
        options.Lockout.AllowedForNewUsers = true;
        options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
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

    /// <summary>
    /// Every request compares the cookie's security stamp with the account's (one read by key), instead of Identity's
    /// check every 30 minutes: a changed or reset password, switched two-step sign-in or a disabled account ends every
    /// other session at its next request. The claims in the cookie, pending step included, stay as they were issued:
    /// whatever changes them also renews the stamp, and this session is then re-issued by RefreshSignInAsync.
    /// </summary>
    static async Task RejectStaleCookieAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await ValidateSessionAsync(context.HttpContext, principal) is { } user)
        {
            context.HttpContext.KeepValidatedAccount(user);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// A bearer token is a sealed copy of the principal at sign-in; the handler alone would honour it until it expires.
    /// Its security stamp is compared with the account's here, so a password change, reset or disable ends it at once.
    /// A token that passes is handed to the handler as the result, with the handler's own expiry rule, so that it is not
    /// unprotected a second time; <see cref="SignInTickets"/> keeps it unprotected for the next requests.
    /// </summary>
    static async Task RejectStaleTokenAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.HttpContext.RequestServices.GetRequiredService<SignInTickets>()
            .UnprotectBearer(header, context.Options.BearerTokenProtector, context.Options.TimeProvider ?? TimeProvider.System);
        // Forged, unreadable or expired: the handler refuses it itself, with its own reason.
        if (ticket?.Principal is not { } principal) return;
        if (await ValidateSessionAsync(context.HttpContext, principal) is not { } user)
        {
            context.Fail("The account changed since this token was issued.");
            return;
        }
        context.HttpContext.KeepValidatedAccount(user);
        context.Principal = principal;
        context.Properties = ticket.Properties;
        context.Success();
    }

    static Task<SessionAccount?> ValidateSessionAsync(HttpContext context, System.Security.Claims.ClaimsPrincipal principal) =>
        context.RequestServices.GetRequiredService<SessionCheck>().ValidateAsync(principal, context.RequestServices, context.RequestAborted);

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
    internal static (string Token, DateTimeOffset ExpiresAt, string RefreshToken) IssueToken(HttpContext context, System.Security.Claims.ClaimsPrincipal principal)
    {
        var options = BearerOptions(context);
        // The handler checks expiry with its own clock, so the token is stamped with the same one.
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
        var refresh = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.RefreshTokenExpiration }, IdentityConstants.BearerScheme);
        return (options.BearerTokenProtector.Protect(access), expiresAt, options.RefreshTokenProtector.Protect(refresh));
    }

    /// <summary>The principal a refresh token was issued for, or null when it is forged or expired.</summary>
    internal static System.Security.Claims.ClaimsPrincipal? ReadRefreshToken(HttpContext context, string? refreshToken)
    {
        if (string.IsNullOrWhiteSpace(refreshToken)) return null;
        var options = BearerOptions(context);
        var ticket = options.RefreshTokenProtector.Unprotect(refreshToken);
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return ticket?.Properties.ExpiresUtc is { } expires && expires > now ? ticket.Principal : null;
    }

    static BearerTokenOptions BearerOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
}
