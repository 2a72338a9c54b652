using Jiaowang.Web.Shared.Access;
using System.ComponentModel.DataAnnotations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>Change one's password; required after signing in with a one-time password.</summary>
[ScopedTo(Scope.Self)]
public sealed class PasswordModel(SignInManager<JiaowangUser> signIn, UserManager<JiaowangUser> users, JiaowangDb db, AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
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
            Problems.AddRange(changed.Errors.Select(e => AccountsApi.PasswordProblem(e, users, text)));
            return Page();
        }
        await AccountsApi.PasswordChangedAsync(user, users, db, audit, "page", ct);
        // The change renewed the security stamp, which ends every other session; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
