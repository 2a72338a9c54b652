using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Progressive delays for failed sign-ins, instead of locking the account.
/// <para>
/// Identity's own lockout (five failures lock the account for everyone) lets anyone who knows a user name keep that
/// person out of their account for good. Here failures are counted twice, and neither count touches the account
/// itself: per (account, client address) — after <see cref="SignInLimitOptions.FailuresPerAccountAndAddress"/>
/// failures that address must wait before trying that account again, while the owner, signing in from their own
/// address, is not affected — and per client address whatever the account — after
/// <see cref="SignInLimitOptions.FailuresPerAddress"/> failures the address must wait for every account, which stops
/// spraying one password over many names. Each further failure doubles the wait, up to
/// <see cref="SignInLimitOptions.MaxDelaySeconds"/>; a quiet hour forgets the count. A success clears the
/// (account, address) count. Unknown names are counted like real ones so that the answers do not tell them apart.
/// </para>
/// <para>
/// The counts live in this process's memory: a restart forgets them and several instances count apart, which only
/// loosens the limit by that factor. An attacker spread over many addresses is slowed per address and by the rate
/// limiter, not stopped; that is the price of never locking a real person out.
/// </para>
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<AccountOptions> options, TimeProvider clock)
{
    sealed class Failures
    {
        public int Count;
        public DateTimeOffset Last;
        public DateTimeOffset BlockedUntil;
    }

    // Bounded so that a flood of invented names cannot grow it without end; past the bound, stale entries are dropped.
    const int MaxEntries = 100_000;
    readonly ConcurrentDictionary<string, Failures> failures = new();

    SignInLimitOptions Limits => options.CurrentValue.SignInRateLimit;

    static string AddressKey(string address) => "a:" + address;
    static string AccountKey(string userName, string address) => "u:" + userName.Trim().ToUpperInvariant() + "|" + address;

    /// <summary>How long this address must still wait before trying this account, or null when it may try now.</summary>
    public TimeSpan? MustWait(string userName, string address)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var key in new[] { AddressKey(address), AccountKey(userName, address) })
        {
            if (failures.TryGetValue(key, out var entry))
            {
                lock (entry)
                {
                    if (entry.BlockedUntil > now && (wait is null || entry.BlockedUntil - now > wait)) wait = entry.BlockedUntil - now;
                }
            }
        }
        return wait;
    }

    public void Failed(string userName, string address)
    {
        var limits = Limits;
        Count(AddressKey(address), limits.FailuresPerAddress, limits);
        Count(AccountKey(userName, address), limits.FailuresPerAccountAndAddress, limits);
    }

    public void Succeeded(string userName, string address) => failures.TryRemove(AccountKey(userName, address), out _);

    void Count(string key, int threshold, SignInLimitOptions limits)
    {
        var now = clock.GetUtcNow();
        if (failures.Count >= MaxEntries) Prune(now, limits);
        var entry = failures.GetOrAdd(key, _ => new Failures());
        lock (entry)
        {
            if (now - entry.Last > TimeSpan.FromMinutes(limits.ForgetAfterMinutes)) entry.Count = 0;
            entry.Count++;
            entry.Last = now;
            if (entry.Count >= threshold)
            {
                var doublings = Math.Min(entry.Count - threshold, 20);
                var seconds = Math.Min(limits.FirstDelaySeconds * Math.Pow(2, doublings), limits.MaxDelaySeconds);
                entry.BlockedUntil = now + TimeSpan.FromSeconds(seconds);
            }
        }
    }

    void Prune(DateTimeOffset now, SignInLimitOptions limits)
    {
        foreach (var (key, entry) in failures)
        {
            if (now - entry.Last > TimeSpan.FromMinutes(limits.ForgetAfterMinutes) && entry.BlockedUntil <= now) failures.TryRemove(key, out _);
        }
    }

    /// <summary>The client's address as the connection (or a configured forwarding proxy) gives it.</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
