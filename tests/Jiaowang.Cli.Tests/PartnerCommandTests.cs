using System.Net.Http.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Jiaowang.Web.Tests;

namespace Jiaowang.Cli.Tests;

public sealed class PartnerCommandTests
{
    // The database and its own audit key and anchor.
    static Dictionary<string, string> EnvironmentFor(TestDatabase database) => database.Environment;

    static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, NetworkSetup.PartnersPath);

    [Fact]
    public async Task A_malformed_csv_is_refused_with_every_problem_named_and_nothing_stored()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        Assert.Equal(0, (await Cli.RunAsync(["partners", "import", Shipped], environment: environment)).ExitCode);
        var bad = Path.Combine(Path.GetTempPath(), $"partners-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, """
            city_en,city_zh,country,kind,established_on
            Lyon,里昂市,France,国际友好城市,2026-02-30
            Atlantis,,Atlantis,友好交流城市,
            Nagoya,名古屋市,Japan,友好交流城市,
            Nagoya,名古屋市,Japan,友好交流城市,
            Oita,大分市,Japan,国际友好城市,
            """);
        try
        {
            var result = await Cli.RunAsync(["partners", "import", bad], culture: "en_US.UTF-8", environment: environment);

            Assert.Equal(2, result.ExitCode);
            var name = Path.GetFileName(bad);
            Assert.Contains($"{name} was not imported: 4 problem(s) found, nothing was stored", result.Error);
            Assert.Contains($"{name} row 2, column established_on: date \"2026-02-30\" is not valid", result.Error);
            Assert.Contains($"{name} row 3, column country: unknown country \"Atlantis\"", result.Error);
            Assert.Contains($"{name} row 5, column city_en: city \"Nagoya\" duplicates row 4", result.Error);
            Assert.Contains($"{name} row 6, column city_en: city \"Oita\" (Japan) is already in the registry", result.Error);

            await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
            using var client = factory.CreateClient();
            Assert.Equal(33, (await client.GetFromJsonAsync<List<PartnerItem>>("/api/partners"))!.Count);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_registry_gives_the_same_partners_in_excel_and_csv()
    {
        await using var source = TestDatabase.Sqlite();
        Assert.Equal(0, (await Cli.RunAsync(["partners", "import", Shipped], environment: EnvironmentFor(source))).ExitCode);
        foreach (var extension in new[] { ".xlsx", ".csv" })
        {
            var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}{extension}");
            try
            {
                var export = await Cli.RunAsync(["partners", "export", file], environment: EnvironmentFor(source));
                Assert.Equal(0, export.ExitCode);
                Assert.Contains("已导出 33 个友城", export.Out);

                await using var target = TestDatabase.Sqlite();
                var import = await Cli.RunAsync(["partners", "import", file], environment: EnvironmentFor(target));
                Assert.Equal(0, import.ExitCode);
                Assert.Contains("导入 33 个友城", import.Out);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Demo_partners_and_binding_bring_the_wuhan_target_to_127_of_129_from_the_command_line()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        Assert.Equal(0, (await Cli.RunAsync(["plan", "import", Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath)], environment: environment)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(["partners", "import", Shipped], environment: environment)).ExitCode);
        var demo = await Cli.RunAsync(["partners", "demo", "--count", "95", "--seed", "3"], environment: environment);
        Assert.Contains("已添加 95 个演示友城", demo.Out);

        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = factory.CreateClient();
        var planId = (await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id;
        var plan = await client.GetFromJsonAsync<Jiaowang.Web.Features.Plans.PlanDetail>($"/api/plans/{planId}");
        var target = plan!.Targets.Single(t => t.Metric.Contains("友城"));

        var bind = await Cli.RunAsync(["targets", "bind", target.Id.ToString(), "ActivePartners"], culture: "en_US.UTF-8", environment: environment);

        Assert.Equal(0, bind.ExitCode);
        Assert.Contains("is bound to ActivePartners: now 127 of 129个", bind.Out);
        var unknown = await Cli.RunAsync(["targets", "bind", target.Id.ToString(), "Everything"], culture: "en_US.UTF-8", environment: environment);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown binding \"Everything\"", unknown.Error);
    }
}
