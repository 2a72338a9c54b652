using System.CommandLine;
using System.Globalization;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Demo;

/// <summary>
/// <c>jiaowang demo generate --seed N [--until yyyy-mm-dd] [--plan ID] [--password-stdin]</c>: a realistic year of
/// reports, readings, reviews and reminders for a plan, the same for the same seed, marked as demo data.
/// </summary>
static class DemoCommands
{
    public static Command Create()
    {
        var demo = new Command("demo", Messages.Get("Demo.Description"));
        demo.Subcommands.Add(Generate());
        return demo;
    }

    static Command Generate()
    {
        var seed = new Option<int>("--seed") { Description = Messages.Get("Demo.Seed"), Required = true };
        var until = new Option<string?>("--until") { Description = Messages.Get("Demo.Until") };
        var plan = new Option<int?>("--plan") { Description = Messages.Get("Demo.Plan") };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = Messages.Get("Demo.PasswordStdin") };
        var scale = new Option<bool>("--scale") { Description = Messages.Get("Demo.Scale") };
        var command = new Command("generate", Messages.Get("Demo.Generate.Description")) { seed, until, plan, passwordStdin, scale };

        command.SetAction(async (parse, ct) =>
        {
            var day = DateOnly.FromDateTime(DateTime.Now);
            if (parse.GetValue(until) is { } text && !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                return ExitCodes.BadInput(Messages.Get("Demo.BadUntil", text));
            }
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password) || password.Length < 10) return ExitCodes.BadInput(Messages.Get("Demo.PasswordStdinBad"));
            }

            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            if (parse.GetValue(scale)) return await ScaleAsync(db, parse.GetValue(seed), day, ct);
            // The only plan, or the one imported last: the usual database holds the Wuhan plan alone.
            var planId = parse.GetValue(plan) ?? await db.Plans.OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (planId is not { } id) return ExitCodes.BadInput(Messages.Get("Demo.NoPlans"));
            var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(ct);

            var generated = password ?? AccountService.GeneratePassword();
            DemoSummary summary;
            try
            {
                summary = await DemoYear.GenerateAsync(db, id, parse.GetValue(seed), day, ct, generated, $"{Environment.UserName} (jiaowang demo generate)");
            }
            catch (DemoRefusedException refused)
            {
                return ExitCodes.BadInput(Messages.Get($"Demo.{refused.Reason}", refused.PlanId, refused.Count));
            }

            Console.Out.WriteLine(Messages.Get("Demo.Generated", title, summary.PlanId, summary.Seed, summary.Until.ToString("yyyy-MM-dd"),
                summary.Replaced ? Messages.Get("Demo.Replaced") : ""));
            Console.Out.WriteLine(Messages.Get("Demo.Reports", summary.Reports, summary.Accepted, summary.Submitted, summary.Returned, summary.Drafts,
                summary.ReturnedOnce, summary.Late, summary.Overdue));
            Console.Out.WriteLine(Messages.Get("Demo.Other", summary.Readings, summary.Reminders, summary.Instructions, summary.InstructionsAnswered, summary.Accounts));
            foreach (var b in await DemoBaselines.InEffectAsync(db, id, ct))
                Console.Out.WriteLine(Messages.Get("Demo.Baseline", b.Metric, b.Baseline.ToString("0.####", CultureInfo.InvariantCulture), b.BaseYear, b.Source));
            if (password is null) Console.Out.WriteLine(Messages.Get("Demo.Password", generated));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>--scale</c>: 300 plans × 20 targets, a million readings and 10,000 reports, for benches (docs/PERFORMANCE.md).</summary>
    static async Task<int> ScaleAsync(JiaowangDb db, int seed, DateOnly until, CancellationToken ct)
    {
        if (await db.Plans.AnyAsync(p => p.SourceName == DemoScale.SourceName, ct)) return ExitCodes.BadInput(Messages.Get("Demo.ScaleExists"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var summary = await DemoScale.GenerateAsync(db, seed, until, $"{Environment.UserName} (jiaowang demo generate --scale)", TimeProvider.System, ct: ct);
        Console.Out.WriteLine(Messages.Get("Demo.ScaleDone", summary.Plans, summary.Targets, summary.Readings, summary.Reports, summary.Seed,
            started.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));
        return ExitCodes.Ok;
    }
}
