using System.CommandLine;
using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Cli.Plans;

/// <summary>
/// <c>jiaowang plan parse FILE</c>, <c>jiaowang plan import FILE [--replace]</c> and
/// <c>jiaowang plan revise FILE [--plan ID] [--apply]</c>.
/// </summary>
static class PlanCommands
{
    public static Command Create()
    {
        var plan = new Command("plan", Messages.Get("Plan.Description"));
        plan.Subcommands.Add(Parse());
        plan.Subcommands.Add(Import());
        plan.Subcommands.Add(Revise());
        return plan;
    }

    static Argument<string> FileArgument() => new("file") { Description = Messages.Get("Plan.File.Description") };

    /// <summary>Reads the document; what the parser warns about goes to stderr, each with its file and line.</summary>
    static PlanReadResult ReadWithWarnings(string path)
    {
        var read = PlanDocumentReader.Read(path);
        foreach (var warning in read.Plan?.Warnings ?? [])
            Console.Error.WriteLine(Messages.Get("Warning.Line", Path.GetFileName(path), warning.Line, warning.Message));
        return read;
    }

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
            var read = ReadWithWarnings(path);
            if (read.Error is { } error) return ExitCodes.BadInput(error.Message);
            var plan = read.Plan!;

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

    /// <summary>
    /// A revised document (修订稿) of a stored plan: the differences by default, applied with <c>--apply</c> (the same
    /// <see cref="PlanReviser"/> as the import page: reports, readings and instructions stay with what remains, removed
    /// items are archived). Without <c>--plan</c> the stored plan with the same document number (or title) is revised.
    /// </summary>
    static Command Revise()
    {
        var file = FileArgument();
        var planOption = new Option<int?>("--plan") { Description = Messages.Get("Plan.Revise.Plan.Description") };
        var apply = new Option<bool>("--apply") { Description = Messages.Get("Plan.Revise.Apply.Description") };
        var command = new Command("revise", Messages.Get("Plan.Revise.Description")) { file, planOption, apply };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var read = ReadWithWarnings(path);
            if (read.Error is { } error) return ExitCodes.BadInput(error.Message);
            var revised = read.Plan!;

            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var reviser = scope.ServiceProvider.GetRequiredService<PlanReviser>();
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            var planId = parse.GetValue(planOption) ?? await reviser.FindRevisedPlanAsync(revised, read.Text!, ct);
            if (planId is null) return ExitCodes.BadInput(Messages.Get("Revise.NoPlan", Path.GetFileName(path)));
            var outcome = await reviser.ReviseAsync(planId.Value, revised, Path.GetFileName(path), read.Text!, $"cli:{Environment.UserName}",
                parse.GetValue(apply), ct);
            if (RevisionText.Problem(outcome, revised, text) is { } problem) return ExitCodes.BadInput(problem);
            if (outcome.Status == PlanRevisionStatus.NoChange || outcome.Diff!.IsEmpty)
            {
                Console.Out.WriteLine(text["Revise.NoChange"].Value);
                return ExitCodes.Ok;
            }
            foreach (var part in Enum.GetValues<RevisionPart>())
            {
                int Count(RevisionChange change) => outcome.Diff.Items.Count(i => i.Part == part && i.Change == change);
                Console.Out.WriteLine(text["Revise.Counts", RevisionText.Part(part, text), Count(RevisionChange.Added), Count(RevisionChange.Changed),
                    Count(RevisionChange.Removed)].Value);
            }
            foreach (var change in outcome.Diff.Changes)
                Console.Out.WriteLine($"  {RevisionText.Change(change.Change, text)} {RevisionText.Part(change.Part, text)}：{change.After ?? change.Before ?? change.Key}");
            Console.Out.WriteLine(outcome.Status == PlanRevisionStatus.Applied
                ? Messages.Get("Revise.Applied", outcome.Title, outcome.PlanId)
                : Messages.Get("Revise.Previewed", outcome.Title, outcome.PlanId));
            return ExitCodes.Ok;
        });
        return command;
    }
}
