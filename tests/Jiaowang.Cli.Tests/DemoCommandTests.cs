using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Tests;

public sealed class DemoCommandTests
{
    static Dictionary<string, string> EnvironmentFor(TestDatabase database) => new(database.Environment)
    {
        // The app opened below to look at the result must not add reminders of its own.
        ["Reminders__Automatic"] = "false",
    };

    [Fact]
    public async Task Demo_generate_fills_the_imported_plan_with_a_year_the_demo_leader_can_read()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        var imported = await Cli.RunAsync(["plan", "import", Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath)], environment: environment);
        Assert.Equal(0, imported.ExitCode);

        var generated = await Cli.RunAsync(["demo", "generate", "--seed", "7", "--until", "2026-12-31", "--password-stdin"],
            environment: environment, stdin: "Demo-Password-2026\n");

        Assert.True(generated.ExitCode == 0, generated.Error);
        Assert.Contains("生成演示数据：种子 7，截至 2026-12-31", generated.Out);
        var reports = int.Parse(System.Text.RegularExpressions.Regex.Match(generated.Out, @"报告 (\d+) 份").Groups[1].Value);
        Assert.True(reports > 300, generated.Out);

        await using var factory = new JiaowangFactory(database, seedBundledPlan: false, services => services.Configure<ReminderOptions>(o => o.Automatic = false));
        using var leader = await Accounts.BearerClientAsync(factory, DemoYear.Leader, "Demo-Password-2026");
        Assert.Equal(reports, (await leader.GetFromJsonAsync<List<JsonElement>>("/api/reports"))!.Count);
    }

    [Fact]
    public async Task Running_again_replaces_the_demo_data_and_a_bad_date_exits_2()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        await Cli.RunAsync(["plan", "import", Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath)], environment: environment);

        var first = await Cli.RunAsync(["demo", "generate", "--seed", "7", "--until", "2026-08-01"], culture: "en_US.UTF-8", environment: environment);
        var again = await Cli.RunAsync(["demo", "generate", "--seed", "7", "--until", "2026-08-01"], culture: "en_US.UTF-8", environment: environment);
        var badDate = await Cli.RunAsync(["demo", "generate", "--seed", "7", "--until", "1 August"], environment: environment);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Password of the demo accounts", first.Out);
        Assert.Contains("demo accounts opened", first.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("replacing the earlier demo data", again.Out);
        // The same seed and day give the same counts.
        Assert.Equal(first.Out.Split('\n')[1], again.Out.Split('\n')[1]);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("“1 August”", badDate.Error);
    }

    [Fact]
    public async Task Without_a_plan_it_says_to_import_one()
    {
        await using var database = TestDatabase.Sqlite();
        var result = await Cli.RunAsync(["demo", "generate", "--seed", "1"], culture: "en_US.UTF-8", environment: EnvironmentFor(database));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("jiaowang plan import", result.Error);
    }
}
