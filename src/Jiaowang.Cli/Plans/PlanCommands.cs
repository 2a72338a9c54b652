using System.CommandLine;
using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Plans;

/// <summary><c>jiaowang plan parse FILE</c> and <c>jiaowang plan import FILE [--replace]</c>.</summary>
static class PlanCommands
{
    public static Command Create()
    {
        var plan = new Command("plan", Messages.Get("Plan.Description"));
        plan.Subcommands.Add(Parse());
        plan.Subcommands.Add(Import());
        return plan;
    }

    static Argument<string> FileArgument() => new("file") { Description = Messages.Get("Plan.File.Description") };

    static Command Parse()
    {
        var file = FileArgument();
        var command = new Command("parse", Messages.Get("Plan.Parse.Description")) { file };
        command.SetAction(parse =>
        {
            var read = PlanDocumentReader.Read(parse.GetValue(file)!);
            if (read.Error is { } error) return ExitCodes.BadInput(error.Message);
            Console.Out.WriteLine(PlanJson.Serialize(read.Plan!));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Import()
    {
        var file = FileArgument();
        var replace = new Option<bool>("--replace") { Description = Messages.Get("Plan.Replace.Description") };
        var command = new Command("import", Messages.Get("Plan.Import.Description")) { file, replace };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var read = PlanDocumentReader.Read(path);
            if (read.Error is { } error) return ExitCodes.BadInput(error.Message);
            var plan = read.Plan!;
            foreach (var warning in plan.Warnings)
            {
                Console.Error.WriteLine(Messages.Get("Warning.Line", Path.GetFileName(path), warning.Line, warning.Message));
            }

            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            PlanImportOutcome outcome;
            try
            {
                outcome = await scope.ServiceProvider.GetRequiredService<PlanImporter>()
                    .ImportAsync(plan, Path.GetFileName(path), read.Text!, parse.GetValue(replace), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine(Messages.Get("Import.Failed", Path.GetFileName(path), e.GetBaseException().Message));
                return ExitCodes.Failed;
            }

            var database = services.GetRequiredService<DatabaseInfo>().Display;
            var counts = new object[] { plan.Targets.Count, plan.Tasks.Count, plan.Units.Count, plan.Phases.Count };
            Console.Out.WriteLine(outcome.Status switch
            {
                PlanImportStatus.Imported => Messages.Get("Import.Imported", [outcome.Title, outcome.PlanId, .. counts]),
                PlanImportStatus.Replaced => Messages.Get("Import.Replaced", [outcome.Title, outcome.PlanId, .. counts]),
                PlanImportStatus.HasReports => Messages.Get("Import.HasReports", outcome.Title, outcome.PlanId),
                _ => Messages.Get(outcome.SameText ? "Import.AlreadyImported" : "Import.AlreadyImportedOtherText",
                    outcome.Title, outcome.ImportedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm"), outcome.PlanId),
            });
            Console.Out.WriteLine(Messages.Get("Import.Database", database));
            return ExitCodes.Ok;
        });
        return command;
    }
}
