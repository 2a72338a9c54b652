using System.CommandLine;
using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Cli.Users;

/// <summary>
/// <c>jiaowang user import FILE.xlsx</c>, <c>user list [--role] [--unit] [--state] [--q]</c>, <c>user reset --name LOGIN</c>:
/// the server's administrator, with an admin's powers, through the same <see cref="AccountService"/> as the office's pages.
/// </summary>
static class UserAdminCommands
{
    static string Actor => $"cli:{Environment.UserName}";

    /// <summary>The same sheet as the office's import page, all or nothing; each bad cell on its own line on stderr.</summary>
    public static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = Messages.Get("User.Import.File.Description") };
        var command = new Command("import", Messages.Get("User.Import.Description")) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) return ExitCodes.BadInput(Messages.Get("File.NotFound", path.FullName));
            AccountSheetResult sheet;
            await using (var stream = path.OpenRead()) sheet = AccountSheet.Read(stream);
            if (sheet.Error is { } error) return ExitCodes.BadInput(Messages.Get("User.Import.Sheet." + error, path.Name));

            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var imported = await scope.ServiceProvider.GetRequiredService<AccountService>().ImportAsync(AccountService.CommandLine(Actor), sheet, ct);
            if (!imported.Succeeded)
            {
                foreach (var problem in imported.Problems) Console.Error.WriteLine($"{path.Name}: {problem}");
                return ExitCodes.BadInput(Messages.Get("User.Import.NothingStored", imported.Problems.Count));
            }
            Console.Out.WriteLine(Messages.Get("User.Import.Done", imported.Created.Count));
            Table(["#", Messages.Get("User.Column.Name"), Messages.Get("User.Column.Role"), Messages.Get("User.Column.Unit"), Messages.Get("User.Column.OneTime")],
                imported.Created.Select(c => new[] { c.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), c.UserName, c.Role, c.Unit ?? "—", c.OneTimePassword }));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The office's list as a table; the same filters as <c>GET /api/accounts</c>.</summary>
    public static Command List()
    {
        var role = new Option<string?>("--role") { Description = Messages.Get("User.Role.Description") };
        var unit = new Option<string?>("--unit") { Description = Messages.Get("User.List.Unit.Description") };
        var state = new Option<string?>("--state") { Description = Messages.Get("User.List.State.Description") };
        var q = new Option<string?>("--q") { Description = Messages.Get("User.List.Q.Description") };
        var sort = new Option<string?>("--sort") { Description = Messages.Get("User.List.Sort.Description") };
        var command = new Command("list", Messages.Get("User.List.Description")) { role, unit, state, q, sort };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            int? unitId = null;
            if (parse.GetValue(unit) is { } unitName)
            {
                unitId = db.Units.Where(u => u.Name == unitName.Trim()).Select(u => (int?)u.Id).FirstOrDefault();
                if (unitId is null) return ExitCodes.BadInput(Messages.Get("User.List.UnknownUnit", unitName));
            }
            var listed = await AccountDirectory.ListAsync(db, AccountService.CommandLine(Actor),
                new AccountFilter(parse.GetValue(role), unitId, parse.GetValue(q), parse.GetValue(state), parse.GetValue(sort), 1, AccountDirectory.MaxPageSize),
                scope.ServiceProvider.GetRequiredService<IStringLocalizer<AccountsText>>(), ct);
            if (!listed.Succeeded) return ExitCodes.BadInput($"--{listed.Refusal!.Errors?.Keys.FirstOrDefault() ?? "q"}: {listed.Refusal.Message}");
            var page = listed.Value!;
            Table([Messages.Get("User.Column.Name"), Messages.Get("User.Column.DisplayName"), Messages.Get("User.Column.Role"), Messages.Get("User.Column.Unit"),
                    Messages.Get("User.Column.State"), Messages.Get("User.Column.LastSignIn")],
                page.Items.Select(a => new[]
                {
                    a.UserName, a.DisplayName ?? "", a.Role, a.Unit is { } u ? u.Name + (a.Primary ? " *" : "") : "—", a.State,
                    a.LastSignInAt?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                }));
            Console.Out.WriteLine(Messages.Get(page.Total > page.Items.Count ? "User.List.CountMore" : "User.List.Count", page.Total, page.Items.Count));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A new one-time password, printed once; every session of the account ends.</summary>
    public static Command Reset()
    {
        var name = new Option<string>("--name") { Description = Messages.Get("User.Name.Description"), Required = true };
        var command = new Command("reset", Messages.Get("User.Reset.Description")) { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var login = parse.GetValue(name)!;
            var reset = await scope.ServiceProvider.GetRequiredService<AccountService>().ResetAsync(login, Actor, ct);
            if (!reset.Succeeded) return ExitCodes.BadInput(Messages.Get("User.NotFound", login));
            Console.Out.WriteLine(Messages.Get("User.Reset.Done", login.Trim()));
            Console.Out.WriteLine(Messages.Get("User.OneTimePassword", reset.Value));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Columns padded by display width: a Chinese character takes two columns in a terminal.</summary>
    static void Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        static int Width(string s) => s.Sum(c => c >= 0x1100 && (c <= 0x115F || c >= 0x2E80) ? 2 : 1);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => Width(r[i]))).ToArray();
        foreach (var row in all)
            Console.Out.WriteLine(string.Join("  ", row.Select((cell, i) => cell + new string(' ', widths[i] - Width(cell)))).TrimEnd());
    }
}
