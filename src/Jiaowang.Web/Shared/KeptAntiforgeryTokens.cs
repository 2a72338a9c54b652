using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Shared;

/// <summary>
/// ASP.NET Core's antiforgery service, with the form token it gave a signed-in browser handed to it again. Every
/// signed-in page holds a form (signing out, at least), and making its token is two Data Protection operations: reading
/// the browser's antiforgery cookie and sealing a new form token. That was 10–14 % of a signed-in page
/// (docs/PERFORMANCE.md, "Signed-in pages", thirteenth round). A form token is bound to the cookie's secret and to the
/// account, and never expires: one this browser was given before, for the same account, is as valid as a new one. It is
/// kept under the SHA-256 of the cookie (<see cref="SecretDigest"/>), so nothing kept here is a cookie. Checking a posted
/// token, and everything for anonymous visitors, is the framework's own.
/// </summary>
public sealed class KeptAntiforgeryTokens(IAntiforgery framework, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    /// <summary>The most tokens kept; past it they are all dropped and kept again as browsers come back.</summary>
    public const int MostKept = 10_000;

    readonly ConcurrentDictionary<(string Account, UInt128 Cookie), AntiforgeryTokenSet> kept = new();
    readonly string cookieName = options.Value.Cookie.Name!;
    int count;

    /// <summary>Puts this in place of the framework's service (registered by Razor Pages), which it then calls.</summary>
    public static IServiceCollection Use(IServiceCollection services)
    {
        services.AddAntiforgery();
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new KeptAntiforgeryTokens(
            (IAntiforgery)(framework.ImplementationInstance ?? framework.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, framework.ImplementationType!)),
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
        return services;
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        // One request's forms share one token, as the framework's do.
        if (httpContext.Items[typeof(KeptAntiforgeryTokens)] is AntiforgeryTokenSet same) return same;
        var account = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var cookie = httpContext.Request.Cookies[cookieName];
        if (account is not null && cookie is not null && kept.TryGetValue((account, SecretDigest.Of(cookie)), out var known))
        {
            // What the framework sets on every response that holds a token: such a page is never cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }
            httpContext.Items[typeof(KeptAntiforgeryTokens)] = known;
            return known;
        }

        var tokens = framework.GetAndStoreTokens(httpContext);
        httpContext.Items[typeof(KeptAntiforgeryTokens)] = tokens;
        // A browser without a readable cookie was just given a new one (CookieToken): that is what it sends next.
        // Counted here rather than by the dictionary's Count, which takes every one of its locks: a script with a bearer
        // token and no cookie is given a new cookie, and a new entry, on every request.
        if (account is not null && (tokens.CookieToken ?? cookie) is { } next
            && kept.TryAdd((account, SecretDigest.Of(next)), new AntiforgeryTokenSet(tokens.RequestToken, null, tokens.FormFieldName, tokens.HeaderName))
            && Interlocked.Increment(ref count) > MostKept)
        {
            kept.Clear();
            Interlocked.Exchange(ref count, 0);
        }
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => framework.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => framework.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => framework.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => framework.SetCookieTokenAndHeader(httpContext);
}
