using System.Net.Http.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Tests;

namespace Jiaowang.Cli.Tests;

public sealed class PlanImportCommandTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);

    // The database and its own audit key and anchor.
    static Dictionary<string, string> EnvironmentFor(TestDatabase database) => database.Environment;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Importing_twice_says_so_the_second_time_and_replace_imports_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var environment = EnvironmentFor(database);

        var first = await Cli.RunAsync(["plan", "import", Seed], environment: environment);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已导入“市政协十四届五次会议3号建议案办理工作方案”", first.Out);
        Assert.Contains("19 项目标，12 项任务，31 个责任单位，3 个阶段", first.Out);

        var second = await Cli.RunAsync(["plan", "import", Seed], culture: "en_US.UTF-8", environment: environment);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("was already imported", second.Out);
        Assert.Contains("nothing was changed", second.Out);

        var replaced = await Cli.RunAsync(["plan", "import", Seed, "--replace"], environment: environment);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Contains("已替换", replaced.Out);
    }

    [Fact]
    public async Task The_cli_and_the_web_app_use_the_same_configured_database()
    {
        await using var database = TestDatabase.Sqlite();
        var import = await Cli.RunAsync(["plan", "import", Seed], environment: EnvironmentFor(database));
        Assert.Equal(0, import.ExitCode);

        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = factory.CreateClient();
        var plans = await client.GetFromJsonAsync<List<PlanSummary>>("/api/plans");

        Assert.Equal("武政办〔2026〕26号", Assert.Single(plans!).DocumentNumber);
    }

    [Fact]
    public async Task Command_line_options_choose_the_database_too()
    {
        await using var database = TestDatabase.Sqlite();
        var import = await Cli.RunAsync(["plan", "import", Seed, "--provider", "Sqlite", "--connection", database.ConnectionString],
            environment: new Dictionary<string, string> { ["Audit__KeyFile"] = database.AuditKeyFile, ["Audit__AnchorFile"] = database.AuditAnchorFile });

        Assert.Equal(0, import.ExitCode);
        Assert.Contains(database.ConnectionString.Replace("Data Source=", ""), import.Out);
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_with_a_clear_message()
    {
        var result = await Cli.RunAsync(["plan", "import", Seed, "--provider", "Oracle"], culture: "en_US.UTF-8");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Oracle", result.Error);
        Assert.Contains("Sqlite or Postgres", result.Error);
    }
}
