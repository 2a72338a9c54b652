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
    public async Task A_revised_document_is_previewed_then_applied_keeping_the_plan_and_its_ids()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        Assert.Equal(0, (await Cli.RunAsync(["plan", "import", Seed], environment: environment)).ExitCode);
        // Task 10 reworded and a target added, as the web revision tests do.
        var text = await File.ReadAllTextAsync(Seed);
        Assert.Contains("优化“武汉英才”计划", text);
        Assert.Contains("武汉港集装箱吞吐量达到 200 万标箱。", text);
        var revisedFile = Path.Combine(Path.GetTempPath(), $"修订稿-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(revisedFile, text.Replace("优化“武汉英才”计划", "深化“武汉英才”计划,每年引进国际人才 100 名")
            .Replace("武汉港集装箱吞吐量达到 200 万标箱。", "武汉港集装箱吞吐量达到 200 万标箱,国际邮件快件处理量达到 500 万件。"));
        try
        {
            var preview = await Cli.RunAsync(["plan", "revise", revisedFile], environment: environment);
            Assert.True(preview.ExitCode == 0, preview.Error);
            Assert.Contains("目标：新增 1，修改 0，删除 0", preview.Out);
            Assert.Contains("任务：新增 0，修改 1，删除 0", preview.Out);
            Assert.Contains("国际邮件快件处理量", preview.Out);
            Assert.Contains("未做任何更改", preview.Out);

            var applied = await Cli.RunAsync(["plan", "revise", revisedFile, "--apply"], culture: "en_US.UTF-8", environment: environment);
            Assert.True(applied.ExitCode == 0, applied.Error);
            Assert.Contains("is applied", applied.Out);

            // The same plan, one more target, the reworded task; the revision is in the plan's history.
            await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
            using var client = factory.CreateClient();
            var plan = Assert.Single((await client.GetFromJsonAsync<List<PlanSummary>>("/api/plans"))!);
            var detail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/plans/{plan.Id}");
            Assert.Equal(20, detail.GetProperty("targets").GetArrayLength());
            Assert.Contains(detail.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("text").GetString()!.Contains("深化“武汉英才”计划"));

            // Applied once: the stored plan is now this text, so there is nothing to revise with it.
            var again = await Cli.RunAsync(["plan", "revise", revisedFile], environment: environment);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("已存的方案就是这份文本", again.Error);
        }
        finally
        {
            File.Delete(revisedFile);
        }
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
