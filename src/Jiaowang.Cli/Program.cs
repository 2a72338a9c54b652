using System.CommandLine;
using System.Text;
using Jiaowang.Cli;
using Jiaowang.Cli.Audit;
using Jiaowang.Cli.Backup;
using Jiaowang.Cli.Database;
using Jiaowang.Cli.Demo;
using Jiaowang.Cli.Network;
using Jiaowang.Cli.Plans;
using Jiaowang.Cli.Users;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand(Messages.Get("Root.Description"));
root.Options.Add(CliHost.Provider);
root.Options.Add(CliHost.Connection);
root.Subcommands.Add(PlanCommands.Create());
root.Subcommands.Add(PartnerCommands.Create());
root.Subcommands.Add(TargetCommands.Create());
root.Subcommands.Add(UserCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(BackupCommands.Backup());
root.Subcommands.Add(RestoreCommand.Create());
root.Subcommands.Add(DbCommands.Create());

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InvalidOperationException e) when (e.Source?.StartsWith("Jiaowang") == true)
{
    // Configuration mistakes (an unknown provider, a missing connection string) are the user's to fix: say so plainly.
    Console.Error.WriteLine(Messages.Get("Config.Invalid", e.Message));
    return ExitCodes.BadInputCode;
}
