using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Until a signed-in person has taken their pending step (changed a one-time password, or set up two-step sign-in
/// as office or admin), every page sends them to that step and every API call answers 403. It sits in the pipeline
/// rather than on each page so that a page or endpoint added later cannot forget it: whoever was shown the one-time
/// password (the office) must not be able to act in the new user's name by skipping the redirect.
/// </summary>
public static class PendingStepGate
{
    public static IApplicationBuilder UsePendingStepGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var step = context.User.Identity?.IsAuthenticated == true ? context.User.Pending() : null;
        if (step is null || IsAllowed(context, step))
        {
            await next(context);
            return;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(text[step == AccountClaims.PasswordStep ? "Login.MustChangePassword" : "Login.MustEnrolTwoFactor"],
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }
        var target = step == AccountClaims.PasswordStep ? "/account/password" : "/account/2fa";
        var back = context.Request.Method is "GET" or "HEAD" ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : "/";
        context.Response.Redirect($"{context.Request.PathBase}{target}?returnUrl={Uri.EscapeDataString(back)}");
    });

    static bool IsAllowed(HttpContext context, string step)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/account/login") || path.StartsWithSegments("/error")) return true;
        if (step == AccountClaims.PasswordStep && path.StartsWithSegments("/account/password")) return true;
        if (step == AccountClaims.TwoFactorStep && path.StartsWithSegments("/account/2fa")) return true;
        // Public pages, the published plan and static files are read as anyone may read them; nothing is written.
        var endpoint = context.GetEndpoint();
        return endpoint is null
            || (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
               && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && !path.StartsWithSegments("/api/me");
    }
}
