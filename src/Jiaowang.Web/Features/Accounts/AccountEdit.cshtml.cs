using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>Changes one account's role or unit (a liaison moving to another unit, a liaison becoming a leader).</summary>
[Authorize(Policy = Policies.Office)]
public sealed class AccountEditModel(JiaowangDb db, AccountService accounts) : PageModel
{
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public int? Unit { get; set; }

    public AccountItem? Account { get; private set; }
    public IReadOnlyList<string> AdministeredRoles { get; private set; } = [];
    public List<AccountUnit> Units { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Role = Account!.Role;
        Unit = Account.Unit?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var changed = await accounts.ChangeAsync((await HttpContext.GetCallerAsync())!, id, Role, Unit, ct);
        if (changed.Succeeded) return Redirect("/office/accounts?q=" + Uri.EscapeDataString(changed.Value!.UserName));
        if (!await LoadAsync(id, ct)) return NotFound();
        Problem = changed.Refusal!.Message;
        return Page();
    }

    async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        AdministeredRoles = AccountService.RolesAdministeredBy(caller);
        if (!await db.Users.AnyAsync(u => u.Id == id, ct)) return false;
        Account = await AccountDirectory.ItemAsync(db, id, ct);
        // An account outside the caller's powers is not shown, as if it did not exist.
        if (!AdministeredRoles.Contains(Account.Role)) return false;
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new AccountUnit(u.Id, u.Name)).ToListAsync(ct);
        return true;
    }
}
