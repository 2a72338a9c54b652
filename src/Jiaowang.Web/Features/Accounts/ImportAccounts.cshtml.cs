using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <param name="OneTimePassword">Shown once on the result page, for the office to hand over.</param>
public sealed record ImportedAccount(int Row, string UserName, string? OneTimePassword, IReadOnlyList<string> Errors);

/// <summary>The office opens many accounts at once from an Excel sheet (name, unit, role, email, phone); each row on its own.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ImportAccountsModel(AccountService accounts, JiaowangDb db, AuditLog audit, IStringLocalizer<ReportsText> text) : PageModel
{
    public List<ImportedAccount> Results { get; private set; } = [];
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
        foreach (var row in read.Rows)
        {
            // A liaison's unit comes from the sheet; other roles are bound to none.
            var unit = row.Role == Roles.Liaison ? row.Unit : null;
            var result = await accounts.CreateAsync(new NewAccount(row.UserName, row.Role, unit, null, row.DisplayName, row.Email, row.Phone), User, ct);
            if (result.Succeeded)
            {
                var user = result.User!;
                await audit.SaveAsync(db, User.Identity!.Name!, () =>
                    [new AuditRecord("Account", user.Id, "import", null, new { user.UserName, role = row.Role, unit, user.Email, user.PhoneNumber, row = row.Row })], ct);
            }
            Results.Add(new ImportedAccount(row.Row, row.UserName, result.OneTimePassword, result.Errors.Select(e => e.Message).ToList()));
        }
        return Page();
    }
}
