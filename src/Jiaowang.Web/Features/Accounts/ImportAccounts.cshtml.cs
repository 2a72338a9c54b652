using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// The office opens many accounts at once from an Excel sheet (name, unit, role, email, phone): all of them, or none
/// and every bad cell named (<see cref="AccountService.ImportAsync"/>).
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ImportAccountsModel(AccountService accounts, IStringLocalizer<ReportsText> text) : PageModel
{
    public IReadOnlyList<ImportedAccount> Results { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Problem { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (sheet is null || sheet.Length == 0)
        {
            Problem = text["Import.NoFile"];
            return Page();
        }
        using var buffer = new MemoryStream();
        await sheet.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var read = AccountSheet.Read(buffer);
        if (read.Error is { } error)
        {
            Problem = text[$"Import.{error}"];
            return Page();
        }
        var imported = await accounts.ImportAsync((await HttpContext.GetCallerAsync())!, read, ct);
        Results = imported.Created;
        Problems = imported.Problems.Select(p => p.ToString()).ToList();
        return Page();
    }
}
