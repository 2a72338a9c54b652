using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// The office's account list: search, filter, sort, page, and the actions on each account. The filters travel in the
/// query string and, as hidden fields, with every action, so the list looks the same after an action.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class AccountListModel(JiaowangDb db, AccountService accounts, IStringLocalizer<AccountsText> words) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AccountPage? Accounts { get; private set; }
    public IReadOnlyList<string> AdministeredRoles { get; private set; } = [];
    public List<AccountUnit> Units { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Done { get; private set; }
    /// <summary>Set on the response to a reset only: the password is not kept anywhere it could be shown again.</summary>
    public (string UserName, string Password)? OneTime { get; private set; }

    public int PageCount => Accounts is null ? 0 : Math.Max(1, (Accounts.Total + Accounts.PageSize - 1) / Accounts.PageSize);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.DisableAsync(await CallerAsync(), id, ct), "Done.Disabled", ct);

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.EnableAsync(await CallerAsync(), id, ct), "Done.Enabled", ct);

    public async Task<IActionResult> OnPostPrimaryAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.MakePrimaryAsync(await CallerAsync(), id, ct), "Done.Primary", ct);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        var reset = await accounts.ResetAsync(await CallerAsync(), id, ct);
        if (reset.Succeeded) OneTime = ((await AccountDirectory.ItemAsync(db, id, ct)).UserName, reset.Value!);
        else Problem = reset.Refusal!.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task<Caller> CallerAsync() => (await HttpContext.GetCallerAsync())!;

    async Task<IActionResult> AfterAsync(Outcome<AccountItem> outcome, string done, CancellationToken ct)
    {
        if (outcome.Succeeded) Done = words[done, outcome.Value!.UserName];
        else Problem = outcome.Refusal!.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        AdministeredRoles = AccountService.RolesAdministeredBy(caller);
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new AccountUnit(u.Id, u.Name)).ToListAsync(ct);
        var listed = await AccountDirectory.ListAsync(db, caller, new AccountFilter(Role, Unit, Q, State, Sort, Math.Max(1, PageNumber)), words, ct);
        if (listed.Succeeded) Accounts = listed.Value;
        else Problem ??= listed.Refusal!.Message;
    }

    /// <summary>The list's address with one value changed (sort, page), keeping the others.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["role"] = Role, ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["state"] = State,
            ["sort"] = sort ?? Sort, ["p"] = (page ?? 1) == 1 ? null : page!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/office/accounts", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    /// <summary>Sorting by a column: ascending first, descending when it is already ascending.</summary>
    public string SortLink(string key) => Link(sort: Sort == key ? "-" + key : key);

    public string? SortState(string key) => Sort == key ? "ascending" : Sort == "-" + key ? "descending" : null;
}
