using System.CommandLine;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Users;

/// <summary><c>jiaowang user add --role ROLE --name LOGIN [--unit "单位"] [--password-stdin]</c>; <c>user disable|enable --name LOGIN</c></summary>
static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", Messages.Get("User.Description"));
        user.Subcommands.Add(Add());
        user.Subcommands.Add(Switch("disable", disable: true));
        user.Subcommands.Add(Switch("enable", disable: false));
        user.Subcommands.Add(UserAdminCommands.Reset());
        user.Subcommands.Add(UserAdminCommands.List());
        user.Subcommands.Add(UserAdminCommands.Import());
        return user;
    }

    /// <summary><c>jiaowang user disable|enable --name LOGIN</c>: the server's administrator, e.g. when someone leaves.</summary>
    static Command Switch(string verb, bool disable)
    {
        var name = new Option<string>("--name") { Description = Messages.Get("User.Name.Description"), Required = true };
        var command = new Command(verb, Messages.Get(disable ? "User.Disable.Description" : "User.Enable.Description")) { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var login = parse.GetValue(name)!;
            var actor = $"cli:{Environment.UserName}";
            var user = disable ? await accounts.DisableAsync(login, actor, audit, ct) : await accounts.EnableAsync(login, actor, audit, ct);
            if (user is null) return ExitCodes.BadInput(Messages.Get("User.NotFound", login));
            Console.Out.WriteLine(Messages.Get(disable ? "User.Disabled" : "User.Enabled", user.UserName!));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Add()
    {
        var role = new Option<string>("--role") { Description = Messages.Get("User.Role.Description"), Required = true };
        var name = new Option<string>("--name") { Description = Messages.Get("User.Name.Description"), Required = true };
        var unit = new Option<string?>("--unit") { Description = Messages.Get("User.Unit.Description") };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = Messages.Get("User.PasswordStdin.Description") };
        var displayName = new Option<string?>("--display-name") { Description = Messages.Get("User.DisplayName.Description") };
        var email = new Option<string?>("--email") { Description = Messages.Get("User.Email.Description") };
        var phone = new Option<string?>("--phone") { Description = Messages.Get("User.Phone.Description") };
        var command = new Command("add", Messages.Get("User.Add.Description")) { role, name, unit, passwordStdin, displayName, email, phone };

        command.SetAction(async (parse, ct) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                // A password on the command line would stay in the shell history; stdin does not.
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password)) return ExitCodes.BadInput(Messages.Get("User.PasswordStdinEmpty"));
            }

            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(
                parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(unit), password,
                parse.GetValue(displayName), parse.GetValue(email), parse.GetValue(phone)), ct);
            if (!result.Succeeded)
            {
                return ExitCodes.BadInput(Messages.Get("User.Refused", string.Join(Messages.Get("List.Separator"),
                    result.Errors.Select(e => $"--{e.Field}: {e.Message}"))));
            }

            Console.Out.WriteLine(Messages.Get("User.Created", result.User!.UserName, parse.GetValue(role)!.ToLowerInvariant(), parse.GetValue(unit) ?? "—"));
            if (result.OneTimePassword is { } oneTime) Console.Out.WriteLine(Messages.Get("User.OneTimePassword", oneTime));
            return ExitCodes.Ok;
        });
        return command;
    }
}
