using System.ComponentModel.DataAnnotations;
using System.Text;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Optional TOTP two-factor sign-in for office staff and admins: scan or type the key into an authenticator app,
/// confirm with one code. Nothing is fetched from outside; the key is shown as text and as an otpauth:// link.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class TwoFactorModel(UserManager<JiaowangUser> users, SignInManager<JiaowangUser> signIn, JiaowangDb db, AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "TwoFactor.CodeRequired")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public string? Problem { get; private set; }
    public string? Done { get; private set; }
    /// <summary>Office and admin must set it up before anything else (Accounts:RequireTwoFactorForStaff).</summary>
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await DescribeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => await ConfirmAsync(enable: true, ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => await ConfirmAsync(enable: false, ct);

    async Task<IActionResult> ConfirmAsync(bool enable, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid && await VerifyAsync(users, user, Code))
        {
            await users.SetTwoFactorEnabledAsync(user, enable);
            // A switched-off second factor gets a fresh key, so the old enrolment in someone's app is worthless.
            if (!enable) await users.ResetAuthenticatorKeyAsync(user);
            await audit.SaveAsync(db, user.UserName!, () => [new AuditRecord("Account", user.Id, enable ? "2fa-enabled" : "2fa-disabled", null, null)], ct);
            // Switching renewed the security stamp, which ends every other session; this one gets a fresh cookie.
            await signIn.RefreshSignInAsync(user);
            var returnUrl = Request.Query["returnUrl"].ToString();
            if (enable && Url.IsLocalUrl(returnUrl)) return LocalRedirect(returnUrl);
            Done = text[enable ? "TwoFactor.EnabledNow" : "TwoFactor.DisabledNow"];
        }
        else
        {
            Problem = text["TwoFactor.CodeWrong"];
        }
        await DescribeAsync(user);
        return Page();
    }

    async Task DescribeAsync(JiaowangUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = User.Pending() == AccountClaims.TwoFactorStep && !Enabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which would end this very session at its next request.
            await signIn.RefreshSignInAsync(user);
        }
        Key = Grouped(key!);
        Uri = $"otpauth://totp/{System.Uri.EscapeDataString("Jiaowang:" + user.UserName)}?secret={key}&issuer=Jiaowang&digits=6";
    }

    /// <summary>The code from an authenticator app, spaces and dashes allowed.</summary>
    public static Task<bool> VerifyAsync(UserManager<JiaowangUser> users, JiaowangUser user, string? code) =>
        string.IsNullOrWhiteSpace(code)
            ? Task.FromResult(false)
            : users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "").Replace("-", ""));

    static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
