using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Targets;

/// <summary>
/// A decline target ("单位地区生产总值能耗下降3%") through the API (docs/STATUS-RULES.md, "Declines"): the liaison enters the
/// change rate, negative for a fall; −3.5 against 3 % is done when the plan ends, −1 is behind; on SQLite and PostgreSQL.
/// </summary>
public abstract class DeclineTargetApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>After the plan's last phase (September): the year's change is final.</summary>
    static readonly DateTimeOffset AfterTheEnd = new(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(8));

    const string Plan = """
        某区节能降耗工作方案

        一、工作目标

        ——绿色低碳，单位地区生产总值能耗下降3%，规模以上工业增加值增长6%。

        二、工作阶段

        （一）动员部署阶段（2026年3月）。制定方案。
        （二）办理落实阶段（2026年4月—9月）。开展工作。

        三、重点任务

        1.推进节能改造。一是实施重点用能单位节能改造。（牵头单位：市发展改革委；配合单位：市经信局；完成时限：2026年9月底前）
        """;

    TestDatabase database = null!;
    JiaowangFactory factory = null!;
    int targetId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database, configureServices: s => s.AddSingleton<TimeProvider>(new FixedClock(AfterTheEnd)));
        factory.CreateClient().Dispose();
        var read = PlanDocumentReader.Read("节能方案.txt", Encoding.UTF8.GetBytes(Plan));
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(read.Plan!, "节能方案.txt", read.Text!, replace: false);
        targetId = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Targets.Where(t => t.Text.Contains("能耗")).Select(t => t.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    async Task<JsonElement> TargetAsync(HttpClient client, string query = "")
    {
        using var target = JsonDocument.Parse(await client.GetStringAsync($"/api/targets/{targetId}{query}"));
        return target.RootElement.Clone();
    }

    static async Task RecordAsync(HttpClient client, int id, decimal value, string asOf)
    {
        var response = await client.PostAsJsonAsync($"/api/targets/{id}/readings", new { value, asOf, source = "市统计局能耗公报" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_fall_of_three_and_a_half_percent_meets_a_three_percent_decline_and_a_fall_of_one_is_behind()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var target = await TargetAsync(client);
        Assert.Equal(("growth", true, 3m), (target.GetProperty("kind").GetString(), target.GetProperty("decline").GetBoolean(), target.GetProperty("value").GetDecimal()));

        // 同比下降3.5%: entered as −3.5.
        await RecordAsync(client, targetId, -3.5m, "2026-09-30");
        target = await TargetAsync(client);
        Assert.Equal("done", target.GetProperty("status").GetString());
        Assert.StartsWith("下降目标 3%，现 下降 3.5%：", target.GetProperty("statusReason").GetString());

        // A correction for the same month: only 1 % down.
        await RecordAsync(client, targetId, -1m, "2026-09-30");
        target = await TargetAsync(client);
        Assert.Equal("behind", target.GetProperty("status").GetString());
        Assert.StartsWith("下降目标 3%，现 下降 1%：", target.GetProperty("statusReason").GetString());
        // In English (the choice is remembered, so last).
        Assert.StartsWith("decline target 3%, now down 1%: ", (await TargetAsync(client, "?culture=en")).GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task A_negative_reading_is_a_change_rate_for_growth_targets_only()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        await using var scope = factory.Services.CreateAsyncScope();
        var partners = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Targets
            .Where(t => t.Text.Contains("国际友城和友好交流城市数量")).Select(t => t.Id).SingleAsync();
        var refused = await client.PostAsJsonAsync($"/api/targets/{partners}/readings", new { value = -1m, asOf = "2026-09-30", source = "市委外办统计" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value", await refused.Content.ReadAsStringAsync());

        // The office may set the direction by hand; the rule API shows it.
        var rule = await client.PutAsJsonAsync($"/api/targets/{targetId}/rule", new { kind = "growth", decline = false });
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
        Assert.False(JsonDocument.Parse(await rule.Content.ReadAsStringAsync()).RootElement.GetProperty("decline").GetBoolean());
        Assert.False((await TargetAsync(client)).GetProperty("decline").GetBoolean());
    }
}

public sealed class SqliteDeclineTargetApiTests() : DeclineTargetApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeclineTargetApiTests() : DeclineTargetApiTests(DatabaseProvider.Postgres);
