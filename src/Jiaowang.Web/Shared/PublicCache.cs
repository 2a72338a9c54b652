using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Jiaowang.Web.Shared;

/// <summary>
/// The published plan is what most people open and it changes only on import or when a figure is reported, so
/// anonymous requests for it are served from an output cache for a short while: a precomputed page is about ten
/// times cheaper than one filled by EF per request (docs/PERFORMANCE.md). Signed-in users always get live pages
/// (the output cache never stores authenticated requests). Writers evict the <see cref="Tag"/>; a write from
/// another process (the CLI) is seen after at most <see cref="Lifetime"/>.
/// </summary>
public static class PublicCache
{
    public const string Policy = "PublicPlan";
    public const string Tag = "plans";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(Lifetime)
            .Tag(Tag)
            // The language may come from the cookie, not the query: vary by the culture the request ended up with.
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))));
        // Writes of plan data evict the cached pages, whichever feature makes them (see PublicCacheEviction).
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublicCacheEviction>();
        return services;
    }
}
