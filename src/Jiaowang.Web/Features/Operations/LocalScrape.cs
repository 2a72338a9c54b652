using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Jiaowang.Web.Features.Operations;

/// <summary>Marks an endpoint (<c>/metrics</c>) that a caller on this machine may read without signing in.</summary>
public sealed class LocalScrapeAllowed;

/// <summary>
/// Lets a request from this machine through an admin-only endpoint marked <see cref="LocalScrapeAllowed"/>: a scraper
/// on loopback cannot sign in. A request that came through a proxy is never local, even though nginx on the same
/// machine connects from loopback: any <c>X-Forwarded-For</c> (or the <c>X-Original-For</c> that the forwarded-headers
/// middleware leaves after reading it) makes it remote, so <c>/metrics</c> from outside needs an admin.
/// </summary>
public sealed class LocalScrapeHandler : AuthorizationHandler<RolesAuthorizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesAuthorizationRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<LocalScrapeAllowed>() is not null && IsLocal(http))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("X-Original-For");
}
