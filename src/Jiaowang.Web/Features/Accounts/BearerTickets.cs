using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Bearer tokens as they were unprotected, kept for a minute. A script or the CLI sends the same token on every call, and
/// unprotecting it (Data Protection's AES and HMAC, then reading the ticket) was the largest single cost of an API answer
/// served from a cache (docs/PERFORMANCE.md, "Signed-in pages"). The key is the token's SHA-256, not the token: nothing
/// kept here signs a request in. What the handler would check still runs on every request: the expiry here, the
/// account's security stamp in <see cref="SessionCheck"/>. Each instance keeps its own; a revoked token is refused by the
/// session check, which reads the account, not by this map.
/// </summary>
public sealed class BearerTickets
{
    /// <summary>The most tokens kept; past it, the map starts again (a few thousand people sign in, not millions).</summary>
    public const int Capacity = 4096;

    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<UInt128, (AuthenticationTicket Ticket, DateTimeOffset Until)> kept = new();

    /// <summary>The token's ticket, or null when it is unreadable or expired (the handler then refuses it with its reason).</summary>
    public AuthenticationTicket? Unprotect(string token, ISecureDataFormat<AuthenticationTicket> protector, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var key = KeyOf(token);
        if (!kept.TryGetValue(key, out var entry) || now >= entry.Until)
        {
            if (protector.Unprotect(token) is not { Principal: not null, Properties.ExpiresUtc: { } expires } ticket || now >= expires) return null;
            if (kept.Count >= Capacity) kept.Clear();
            entry = (ticket, Min(now + Keep, expires));
            kept[key] = entry;
        }
        if (now >= entry.Ticket.Properties.ExpiresUtc) return null;
        // Each request gets its own copy: the principal and properties are the request's to change.
        return new AuthenticationTicket(entry.Ticket.Principal.Clone(), entry.Ticket.Properties.Clone(), entry.Ticket.AuthenticationScheme);
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The first 128 bits of the token's SHA-256.</summary>
    static UInt128 KeyOf(string token)
    {
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = length > 4096 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[length];
            var written = Encoding.UTF8.GetBytes(token, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
