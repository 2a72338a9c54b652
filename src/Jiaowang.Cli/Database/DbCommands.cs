using System.CommandLine;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Database;

/// <summary>
/// <c>jiaowang db migrate</c>: brings the database up to date before the web instances start, for deployments that set
/// <c>Database:MigrateOnStart</c> to false (docs/OPERATIONS.md). Every command migrates as it starts; this one does
/// only that, and says where the database stands.
/// </summary>
static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", Messages.Get("Db.Description"));
        var migrate = new Command("migrate", Messages.Get("Db.Migrate.Description"));
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var applied = (await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Database.GetAppliedMigrationsAsync(ct)).ToList();
            Console.Out.WriteLine(Messages.Get("Db.Migrated", applied.Count, applied.LastOrDefault() ?? "—"));
            return ExitCodes.Ok;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
