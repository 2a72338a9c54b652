using Jiaowang.Web.Shared.Access;
using System.ComponentModel.DataAnnotations;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>Change one's password; required after signing in with a one-time password.</summary>
[ScopedTo(Scope.Self)]
public sealed class PasswordModel(SignInManager<JiaowangUser> signIn, UserManager<JiaowangUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Login.PasswordRequired"), DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Login.PasswordRequired"), DataType(DataType.Password)]
    public string New { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Login.PasswordRequired"), DataType(DataType.Password)]
    public string Confirm { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<string> Problems { get; } = [];
    public bool MustChange { get; private set; }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid) return Page();
        if (New != Confirm)
        {
            Problems.Add(text["Password.Mismatch"]);
            return Page();
        }

        var changed = await users.ChangePasswordAsync(user, Current, New);
        if (!changed.Succeeded)
        {
            Problems.AddRange(changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? text["Password.CurrentWrong"].Value
                : e.Code == nameof(IdentityErrorDescriber.PasswordTooShort) ? text["Account.PasswordTooShort", users.Options.Password.RequiredLength].Value
                : e.Description));
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
