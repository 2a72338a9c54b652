using Jiaowang.Core.Documents;
using Jiaowang.Core.Input;
using Jiaowang.Core.Spreadsheets;
using Jiaowang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Accounts;

/// <param name="OneTimePassword">Shown once on the result page or printed once by the CLI, for the office to hand over.</param>
public sealed record ImportedAccount(int Row, string UserName, string Role, string? Unit, string OneTimePassword);

/// <summary>A whole sheet opened, or nothing opened and every bad cell named.</summary>
public sealed record AccountImport(IReadOnlyList<ImportedAccount> Created, IReadOnlyList<SheetProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Bulk creation from the office's sheet (the page and <c>jiaowang user import</c>): all or nothing.</summary>
public sealed partial class AccountService
{
    /// <summary>
    /// Checks every row first and names each bad cell (sheet, row, column, header); only a sheet without a problem is
    /// opened, in one transaction, so that a half-imported sheet never has to be sorted out by hand.
    /// </summary>
    public async Task<AccountImport> ImportAsync(Caller caller, AccountSheetResult sheet, CancellationToken ct = default)
    {
        var problems = new List<SheetProblem>();
        var allowed = RolesAdministeredBy(caller);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var unitByName = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var wanted = sheet.Rows.Select(r => r.UserName.Trim().ToUpperInvariant()).Where(n => n.Length > 0).ToList();
        var taken = (await db.Users.Where(u => wanted.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(ct)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var allowedCharacters = users.Options.User.AllowedUserNameCharacters;

        foreach (var row in sheet.Rows)
        {
            void Problem(string field, string message) => problems.Add(sheet.Problem(row.Row, field, message));
            var name = row.UserName.Trim();
            if (name.Length == 0) Problem("name", text["Account.NameRequired"]);
            else if (seen.TryGetValue(name.ToUpperInvariant(), out var first)) Problem("name", words["Import.SameName", name, first]);
            else if (taken.Contains(name.ToUpperInvariant())) Problem("name", text["Account.NameTaken", name]);
            else if (name.Length > 64 || name.Any(c => !allowedCharacters.Contains(c))) Problem("name", text["Account.InvalidName"]);
            if (name.Length > 0) seen.TryAdd(name.ToUpperInvariant(), row.Row);

            var role = row.Role.Trim().ToLowerInvariant();
            if (!Roles.IsKnown(role)) Problem("role", text["Account.UnknownRole", row.Role, string.Join(", ", Roles.All)]);
            else if (!allowed.Contains(role)) Problem("role", text["Account.RoleNotAllowed", role]);
            if (TakesUnit(role))
            {
                if (string.IsNullOrWhiteSpace(row.Unit)) Problem("unit", words["Import.UnitRequired"]);
                else if (!unitByName.ContainsKey(row.Unit.Trim())) Problem("unit", text["Account.UnknownUnit", row.Unit.Trim()]);
            }
            foreach (var (field, value, max) in new[] { ("display", row.DisplayName, 100), ("email", row.Email, 256), ("phone", row.Phone, 50) })
            {
                var problem = TextInput.Check(value, max);
                if (problem == TextProblem.TooLong) Problem(field, words["Import.TooLong", max]);
                else if (problem != TextProblem.None) Problem(field, words["Import.BadText"]);
            }
        }
        if (sheet.Rows.Count == 0) problems.Add(new SheetProblem(sheet.Sheet, null, null, null, words["Import.NoRows"]));
        if (problems.Count > 0) return new AccountImport([], problems);

        var created = new List<ImportedAccount>();
        var outcome = await InTransactionAsync<bool>(async () =>
        {
            foreach (var row in sheet.Rows)
            {
                var role = row.Role.Trim().ToLowerInvariant();
                var unit = TakesUnit(role) ? row.Unit!.Trim() : null;
                var result = await CreateAsync(new NewAccount(row.UserName.Trim(), role, unit, null, row.DisplayName, row.Email, row.Phone), ct);
                if (!result.Succeeded)
                {
                    problems.AddRange(result.Errors.Select(e => sheet.Problem(row.Row, e.Field == "password" ? "name" : e.Field, e.Message)));
                    return Refusal.Invalid("sheet", problems[0].Message);
                }
                var user = result.User!;
                await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Account", user.Id, "import", null,
                    new { user.UserName, role, unit, user.Email, user.PhoneNumber, row = row.Row, primary = user.IsPrimaryLiaison })], ct);
                created.Add(new ImportedAccount(row.Row, user.UserName!, role, unit, result.OneTimePassword!));
            }
            return true;
        }, ct);
        return outcome.Succeeded ? new AccountImport(created, []) : new AccountImport([], problems);
    }
}
