namespace Jiaowang.Web.Features.Accounts;

/// <summary>The <c>Accounts</c> section of the configuration: sessions, tokens and sign-in limits.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Office and admin accounts must set up two-step sign-in before they can do anything else. On by default; a
    /// deployment that cannot hand out authenticator apps switches it off.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Bearer access tokens are short-lived; scripts renew them with the refresh token.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    public int RefreshTokenHours { get; set; } = 8;

    public SignInLimitOptions SignInRateLimit { get; set; } = new();
}

/// <summary><c>Accounts:SignInRateLimit</c>: how hard the sign-in endpoints push back on guessing.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Sign-in requests (form, token, refresh) one client address may make per window, right or wrong.</summary>
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Failed sign-ins for one account from one address before that address must wait for that account.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failed sign-ins from one address, whatever the account, before the address must wait.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>The first wait; it doubles with each further failure up to <see cref="MaxDelaySeconds"/>.</summary>
    public int FirstDelaySeconds { get; set; } = 30;
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Failures older than this are forgotten.</summary>
    public int ForgetAfterMinutes { get; set; } = 60;
}
