using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Shared;

/// <summary>
/// What every response carries whatever the feature: the proxy's word on scheme and client address (from a configured
/// proxy only), cookies marked Secure when the request came over TLS, and the browser-side defences (CSP, nosniff,
/// Referrer-Policy, frame denial, HSTS). docs/SECURITY.md lists each with its test.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from our own files: a name with markup that slips into a page still cannot run. Styles keep
    /// 'unsafe-inline' because ECharts positions its tooltip and SVG with style attributes; styles cannot run code.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddJiaowangSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the scheme and the client address: the Host header is the proxy's to pass on unchanged, and the
            // same-origin check below compares against it.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
            var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
            // Without configuration the defaults stand: only loopback (a proxy on the same machine) is believed.
            if (proxies.Length + networks.Length == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        // Secure whenever the request (as the trusted proxy reports it) came over HTTPS; plain http stays usable locally.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseJiaowangSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var production = !app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Only over TLS (a header sent over plain http is ignored by browsers anyway) and not on a developer's machine,
            // where it would pin localhost to https for a year.
            if (production && context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// A state change carried by the browser's cookie must come from our own pages. SameSite=Lax lets a sibling site
    /// (another *.wuhan.gov.cn host) post a form with the cookie, so the browser's own word on where the request came
    /// from decides: Sec-Fetch-Site when sent, else Origin. Bearer-token calls carry no ambient credential and pass.
    /// Runs after the error handlers so that a refused page gets the error page.
    /// </summary>
    public static WebApplication UseSameOriginWrites(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // A refused page is re-executed as /error/403 with the same method: that second pass is ours, let it through.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && IsCrossOriginWrite(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = text["Security.CrossOrigin"].Value },
                    });
                }
                return;
            }
            await next(context);
        });
        return app;
    }

    public static bool IsCrossOriginWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return true;
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
