using System.CommandLine;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Network;

/// <summary>
/// <c>jiaowang partners import FILE</c> (all-or-nothing, exit 2 naming every bad cell), <c>jiaowang partners export FILE</c>
/// and <c>jiaowang partners demo --count N --seed S</c> (generated rows, flagged demo).
/// </summary>
static class PartnerCommands
{
    public static Command Create()
    {
        var partners = new Command("partners", Messages.Get("Partners.Description"));
        partners.Subcommands.Add(Import());
        partners.Subcommands.Add(Export());
        partners.Subcommands.Add(Demo());
        return partners;
    }

    static Command Import()
    {
        var file = new Argument<string>("file") { Description = Messages.Get("Partners.File.Description") };
        var command = new Command("import", Messages.Get("Partners.Import.Description")) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return ExitCodes.BadInput(Messages.Get("Partners.NoFile", path));
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            await using var content = File.OpenRead(path);
            var result = await scope.ServiceProvider.GetRequiredService<PartnerImporter>().ImportAsync(path, content, Environment.UserName, ct);
            if (!result.Ok)
            {
                Console.Error.WriteLine(Messages.Get("Partners.Refused", Path.GetFileName(path), result.Problems.Count));
                foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
                return ExitCodes.BadInputCode;
            }
            Console.Out.WriteLine(Messages.Get("Partners.Imported", result.Added, Path.GetFileName(path)));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Export()
    {
        var file = new Argument<string>("file") { Description = Messages.Get("Partners.ExportFile.Description") };
        var command = new Command("export", Messages.Get("Partners.Export.Description")) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!PartnerFile.IsSupported(path)) return ExitCodes.BadInput(NetworkMessages.Format("Problem.FileType", Path.GetExtension(path)));
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var countries = scope.ServiceProvider.GetRequiredService<CountryCatalog>();
            var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
            PartnerFile.Write(path, PartnerRows.Columns, partners.Select(p => PartnerRows.ToRow(p, countries)));
            Console.Out.WriteLine(Messages.Get("Partners.Exported", partners.Count, path));
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Demo()
    {
        var count = new Option<int>("--count") { Description = Messages.Get("Partners.Demo.Count"), DefaultValueFactory = _ => 94 };
        var seed = new Option<int>("--seed") { Description = Messages.Get("Partners.Demo.Seed"), DefaultValueFactory = _ => 1 };
        var command = new Command("demo", Messages.Get("Partners.Demo.Description")) { count, seed };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(count) is < 1 or > 10_000) return ExitCodes.BadInput(Messages.Get("Partners.Demo.BadCount"));
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var drafts = DemoPartners.Generate(parse.GetValue(count), parse.GetValue(seed), scope.ServiceProvider.GetRequiredService<CountryCatalog>());
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var existing = (await db.Partners.Select(p => p.CountryCode + "|" + p.NameEn).ToListAsync(ct)).ToHashSet();
            var fresh = drafts.Where(d => !existing.Contains(d.CountryCode + "|" + d.NameEn)).ToList();
            var added = await scope.ServiceProvider.GetRequiredService<PartnerImporter>().StoreAsync(fresh, Environment.UserName, "jiaowang partners demo", ct);
            Console.Out.WriteLine(Messages.Get("Partners.Demo.Added", added));
            return ExitCodes.Ok;
        });
        return command;
    }
}
