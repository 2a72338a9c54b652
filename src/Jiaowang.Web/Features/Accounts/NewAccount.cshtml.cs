using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>The office opens an account; the one-time password is shown once, to hand to the person.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class NewAccountModel(AccountService accounts, JiaowangDb db, AuditLog audit) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Liaison;
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public List<string> UnitNames { get; private set; } = [];
    public IReadOnlyList<string> CreatableRoles => AccountService.RolesCreatableBy(User);
    public IReadOnlyList<AccountError> Errors { get; private set; } = [];
    public string? CreatedName { get; private set; }
    public string? OneTimePassword { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => UnitNames = await db.Units.OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UnitNames = await db.Units.OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        var unit = Role == Roles.Liaison ? Unit : null;
        var result = await accounts.CreateAsync(new NewAccount(UserName, Role, unit, null, DisplayName, Email, Phone), User, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        var user = result.User!;
        await audit.SaveAsync(db, User.Identity!.Name!, () =>
            [new AuditRecord("Account", user.Id, "create", null, new { user.UserName, role = Role, unit, user.Email, user.PhoneNumber })], ct);
        // Shown on this response only: the password is not stored anywhere it could be shown again.
        CreatedName = user.UserName;
        OneTimePassword = result.OneTimePassword;
        UserName = "";
        return Page();
    }
}
