using System.ComponentModel.DataAnnotations;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<JiaowangUser> signIn, UserManager<JiaowangUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Login.NameRequired")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Login.PasswordRequired"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByNameAsync(UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginTwoFactor", new { returnUrl = ReturnUrl });
        if (result.IsLockedOut)
        {
            Problem = text["Login.LockedOut"];
            return Page();
        }
        if (!result.Succeeded)
        {
            Problem = text["Login.Failed"];
            return Page();
        }
        if (user!.MustChangePassword) return RedirectToPage("/Accounts/Password", new { returnUrl = ReturnUrl });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
