using System.Globalization;
using System.Threading.RateLimiting;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// A plain request budget per client address on the sign-in endpoints (form, token, refresh), right or
/// wrong: it caps how fast anyone can guess, before <see cref="SignInThrottle"/> looks at failures. Other endpoints are
/// not limited. Limits: <c>Accounts:SignInRateLimit:PermitLimit</c> per <c>WindowSeconds</c>.
/// </summary>
public static class SignInRateLimit
{
    /// <summary>
    /// The policy on the sign-in endpoints (<see cref="LoginModel"/>, <c>POST /api/auth/token</c> and <c>/refresh</c>);
    /// the limit applies to their POSTs. A policy rather than a global limiter: the middleware then does nothing for the
    /// other endpoints, where a global partitioned limiter took a lock on every request to find a partition without a
    /// limit (1.6 % of a kept API answer, docs/PERFORMANCE.md, "Signed-in pages").
    /// </summary>
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(_ => { }).AddOptions<RateLimiterOptions>().Configure<IOptions<AccountOptions>>((options, accounts) =>
        {
            var limits = accounts.Value.SignInRateLimit;
            options.AddPolicy(Policy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.AddressOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    })
                    // The sign-in form itself is not limited; its key is no address.
                    : RateLimitPartition.GetNoLimiter("read"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : limits.WindowSeconds;
                await TooManyAsync(context.HttpContext, seconds);
            };
        }).Services;

    /// <summary>429 with Retry-After and problem details in the reader's language.</summary>
    public static Task TooManyAsync(HttpContext context, int seconds)
    {
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(text["Login.TooMany", Minutes(seconds)], statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }

    /// <summary>A wait in whole minutes, at least one, for messages.</summary>
    public static int Minutes(int seconds) => Math.Max(1, (seconds + 59) / 60);
}
