using System.ComponentModel.DataAnnotations;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Sign-in in one step: name, password and, for accounts with two-step sign-in, the code. Asking for the code on a
/// second page after a right password would tell a guesser that the password was right.
/// </summary>
[AllowAnonymous, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class LoginModel(SignInGuard guard, SignInManager<JiaowangUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Login.NameRequired")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Login.PasswordRequired"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>Only for accounts with two-step sign-in; others leave it empty.</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();

        var check = await guard.CheckAsync(UserName, Password, Code, "form", ct);
        switch (check.Verdict)
        {
            case SignInVerdict.Throttled:
                Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Problem = text["Login.TooMany", SignInRateLimit.Minutes(check.RetryAfterSeconds)];
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            case SignInVerdict.Failed:
                Problem = text["Login.Failed"];
                return Page();
            case SignInVerdict.Disabled:
                Problem = text["Login.Disabled"];
                return Page();
        }

        var user = check.User!;
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: user.TwoFactorEnabled ? "mfa" : "pwd");
        // The pending step (one-time password, two-step enrolment) is enforced for every page by PendingStepGate;
        // going there straight away only saves a redirect.
        if (user.MustChangePassword) return RedirectToPage("/Accounts/Password", new { returnUrl = ReturnUrl });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
