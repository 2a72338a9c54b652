using System.CommandLine;
using Jiaowang.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Users;

/// <summary><c>jiaowang user add --role ROLE --name LOGIN [--unit "单位"] [--password-stdin]</c></summary>
static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", Messages.Get("User.Description"));
        user.Subcommands.Add(Add());
        return user;
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
