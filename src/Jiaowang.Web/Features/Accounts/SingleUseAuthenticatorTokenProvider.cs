using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// TOTP codes (RFC 6238, as authenticator apps make them) that are accepted once: the time step of the last accepted
/// code is stored with the account (AspNetUserTokens), and a code from that step or an earlier one is refused. Identity's
/// own provider accepts the same code again for as long as it is valid, so a code seen over someone's shoulder or in a
/// proxy log could be replayed.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<JiaowangUser>
{
    public const string Name = "JiaowangAuthenticator";
    const string LoginProvider = "Jiaowang";
    const string LastStepToken = "TotpLastStep";
    // Codes from two steps (60 s) either side of now are accepted, as Identity does, for phones whose clocks drift.
    const int Drift = 2;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<JiaowangUser> manager, JiaowangUser user) =>
        Task.FromResult(false);

    public Task<string> GenerateAsync(string purpose, UserManager<JiaowangUser> manager, JiaowangUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<JiaowangUser> manager, JiaowangUser user)
    {
        if (token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || FromBase32(key) is not { } secret) return false;

        // The phone's clock, not the app's test clock: codes are made from real time.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        long? matched = null;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (Compute(secret, step) == code) matched = step;
        }
        if (matched is not { } accepted) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, CultureInfo.InvariantCulture, out var lastStep) && accepted <= lastStep) return false;
        // A concurrent use of the same code fails here on the account's concurrency stamp.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, accepted.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }

    static int Compute(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return binary % 1_000_000;
    }

    static byte[]? FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) return null;
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits & 0xff));
            }
        }
        return bytes.ToArray();
    }
}
