using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authentication;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Bearer tokens and sign-in cookies as they were unprotected, kept for a minute. A script or the CLI sends the same token
/// on every call, a browser the same cookie, and unprotecting it (Data Protection's AES and HMAC, then reading the ticket)
/// was the largest single cost of an API answer served from a cache, and a tenth of a kept page's (docs/PERFORMANCE.md,
/// "Signed-in pages"). The key is the secret's SHA-256 (<see cref="SecretDigest"/>), not the secret: nothing kept here
/// signs a request in. What the handler would check still runs on every request: the expiry here, the account's
/// security stamp in <see cref="SessionCheck"/>. Each instance keeps its own; a revoked token or cookie is refused by the
/// session check, which reads the account, not by this map.
/// </summary>
public sealed class SignInTickets
{
    /// <summary>The most tokens kept; past it, the map starts again (a few thousand people sign in, not millions).</summary>
    public const int Capacity = 4096;

    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<(UInt128 Digest, Kind Kind), (AuthenticationTicket Ticket, DateTimeOffset Until)> kept = new();

    /// <summary>
    /// The digests of the Authorization headers seen, by the header's string. Kestrel hands a keep-alive connection the
    /// same string for a header whose bytes did not change (<c>KestrelServerOptions.DisableStringReuse</c> is off by
    /// default), so a script's token is hashed once per connection, not once per request (the hash was 3 % of a kept
    /// API answer, docs/PERFORMANCE.md, fourteenth round). Keys are weak: an entry goes with its connection's string.
    /// </summary>
    readonly ConditionalWeakTable<string, StrongBox<UInt128>> headerDigests = new();

    /// <summary>Which secret a ticket was read from: a ticket kept from a cookie never answers for a bearer token, nor the other way.</summary>
    enum Kind : byte { Cookie, Bearer }

    /// <summary>The ticket of a sign-in cookie's value, or null when it is unreadable or expired (the handler then refuses it with its reason).</summary>
    public AuthenticationTicket? UnprotectCookie(string cookie, ISecureDataFormat<AuthenticationTicket> protector, TimeProvider clock) =>
        Unprotect((SecretDigest.Of(cookie), Kind.Cookie), cookie, static cookie => cookie, protector, clock);

    /// <summary>The ticket of an <c>Authorization: Bearer …</c> header's token, or null as <see cref="UnprotectCookie"/>.</summary>
    public AuthenticationTicket? UnprotectBearer(string header, ISecureDataFormat<AuthenticationTicket> protector, TimeProvider clock)
    {
        if (!headerDigests.TryGetValue(header, out var digest))
        {
            digest = new StrongBox<UInt128>(SecretDigest.Of(header));
            headerDigests.AddOrUpdate(header, digest);
        }
        return Unprotect((digest.Value, Kind.Bearer), header, static header => header["Bearer ".Length..].Trim(), protector, clock);
    }

    AuthenticationTicket? Unprotect((UInt128, Kind) key, string secret, Func<string, string> protectedText, ISecureDataFormat<AuthenticationTicket> protector, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (!kept.TryGetValue(key, out var entry) || now >= entry.Until)
        {
            if (protector.Unprotect(protectedText(secret)) is not { Principal: not null, Properties.ExpiresUtc: { } expires } ticket || now >= expires) return null;
            if (kept.Count >= Capacity) kept.Clear();
            entry = (ticket, Min(now + Keep, expires));
            kept[key] = entry;
        }
        if (now >= entry.Ticket.Properties.ExpiresUtc) return null;
        // Each request gets its own copy: the principal and properties are the request's to change.
        return new AuthenticationTicket(entry.Ticket.Principal.Clone(), entry.Ticket.Properties.Clone(), entry.Ticket.AuthenticationScheme);
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>
/// The sign-in cookie's ticket format with <see cref="SignInTickets"/> in front: what a browser sends on every request is
/// unprotected once a minute. A cookie the map does not answer for (unreadable, expired, or without an expiry) goes to
/// the format itself, so the cookie handler refuses it, or accepts it, with its own reason.
/// </summary>
sealed class KeptCookieTickets(ISecureDataFormat<AuthenticationTicket> format, SignInTickets kept, Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions options)
    : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) =>
        protectedText is null || purpose is not null
            ? format.Unprotect(protectedText, purpose)
            : kept.UnprotectCookie(protectedText, format, options.TimeProvider ?? TimeProvider.System) ?? format.Unprotect(protectedText);
}
