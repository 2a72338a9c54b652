using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Targets;

/// <summary>
/// Targets judged by their kind through the API (docs/STATUS-RULES.md, "Target kinds"): the partner-city level from its
/// baseline, events feeding their counts from the registry, the office correcting a rule; on SQLite and PostgreSQL.
/// </summary>
public abstract class TargetKindApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>December: 95 % of the Wuhan plan's span (1 March – 31 December) is gone.</summary>
    static readonly DateTimeOffset December = new(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(8));

    TestDatabase database = null!;
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database, configureServices: s => s.AddSingleton<TimeProvider>(new FixedClock(December)));
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    static async Task<JsonElement> TargetAsync(HttpClient client, string metric)
    {
        var planId = (await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id;
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{planId}"));
        var id = plan.RootElement.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("text").GetString()!.Contains(metric)).GetProperty("id").GetInt32();
        using var target = JsonDocument.Parse(await client.GetStringAsync($"/api/targets/{id}"));
        return target.RootElement.Clone();
    }

    static async Task RecordAsync(HttpClient client, int id, decimal value)
    {
        var response = await client.PostAsJsonAsync($"/api/targets/{id}/readings", new { value, asOf = "2026-12-10", source = "市委外办统计" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_partner_target_from_its_2025_baseline_is_red_at_127_in_December_and_done_at_129()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var target = await TargetAsync(client, "国际友城和友好交流城市数量");
        var id = target.GetProperty("id").GetInt32();
        Assert.Equal("level", target.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("baseline").ValueKind);

        // The 2025 count from the city's own report (127 partner cities), set by the office and audited.
        var rule = await client.PutAsJsonAsync($"/api/targets/{id}/rule", new { kind = "level", baseline = 127, baseYear = 2025 });
        Assert.Equal(HttpStatusCode.OK, rule.StatusCode);

        await RecordAsync(client, id, 127m);
        target = await TargetAsync(client, "国际友城和友好交流城市数量");
        Assert.Equal((127m, 2025), (target.GetProperty("baseline").GetDecimal(), target.GetProperty("baseYear").GetInt32()));
        Assert.Equal("behind", target.GetProperty("status").GetString());
        Assert.StartsWith("基数 127，目标 129，现 127：完成 0%，明显低于序时进度", target.GetProperty("statusReason").GetString());

        await RecordAsync(client, id, 128m);
        Assert.Contains("完成 50%", (await TargetAsync(client, "国际友城和友好交流城市数量")).GetProperty("statusReason").GetString());

        await RecordAsync(client, id, 129m);
        target = await TargetAsync(client, "国际友城和友好交流城市数量");
        Assert.Equal("done", target.GetProperty("status").GetString());

        using var audit = JsonDocument.Parse(await client.GetStringAsync("/api/audit"));
        Assert.Contains(audit.RootElement.EnumerateArray(), e => e.GetProperty("entity").GetString() == "Target" && e.GetProperty("action").GetString() == "rule");
    }

    [Fact]
    public async Task A_growth_target_is_judged_as_a_rate_and_the_reason_names_the_rule()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var target = await TargetAsync(client, "外贸进出口总额");
        Assert.Equal("growth", target.GetProperty("kind").GetString());
        await RecordAsync(client, target.GetProperty("id").GetInt32(), 9.8m);
        target = await TargetAsync(client, "外贸进出口总额");
        Assert.Equal("onTrack", target.GetProperty("status").GetString());
        Assert.StartsWith("增长率按比率判断", target.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task A_wrong_rule_is_refused_with_the_field_named_and_nothing_changes()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var id = (await TargetAsync(client, "近洋直航航线")).GetProperty("id").GetInt32();
        var bad = await client.PutAsJsonAsync($"/api/targets/{id}/rule", new { kind = "sometimes", baseline = -1, timeProfile = "1,2" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("kind", body);
        Assert.Contains("timeProfile", body);
        var target = await TargetAsync(client, "近洋直航航线");
        Assert.Equal("keep", target.GetProperty("kind").GetString());

        var ok = await client.PutAsJsonAsync($"/api/targets/{id}/rule", new { kind = "keep", timeProfile = "1,1,1,1,1,1,1,1,1,1,1,2" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(12, (await TargetAsync(client, "近洋直航航线")).GetProperty("timeProfile").GetArrayLength());

        var member = await Accounts.CreateAsync(factory, "member");
        using var memberClient = await Accounts.BearerClientAsync(factory, member.UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.PutAsJsonAsync($"/api/targets/{id}/rule", new { kind = "new" })).StatusCode);
    }

    [Theory]
    [InlineData("举办国际性会展", "ExhibitionsAndConferencesInPlanPeriod", "exhibition", "2026中国光谷国际光电子博览会")]
    [InlineData("举办国际赛事活动", "SportsEventsInPlanPeriod", "sports", "2026武汉网球公开赛")]
    public async Task An_event_entered_in_the_registry_moves_its_target(string metric, string binding, string category, string title)
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var target = await TargetAsync(client, metric);
        var id = target.GetProperty("id").GetInt32();
        Assert.Equal("new", target.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/targets/{id}/binding", new { binding })).StatusCode);
        var before = await TargetAsync(client, metric);
        var count = before.GetProperty("current").ValueKind == JsonValueKind.Null ? 0m : before.GetProperty("current").GetDecimal();

        var created = await client.PostAsJsonAsync("/api/events", new { category, title, startsOn = "2026-10-20", country = "FR", hostUnit = "市商务局", source = "市商务局报送" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        // An event before the plan's period does not count.
        await client.PostAsJsonAsync("/api/events", new { category, title = title + "（上届）", startsOn = "2025-10-20", country = "FR", source = "市商务局报送" });

        var after = await TargetAsync(client, metric);
        Assert.Equal(count + 1m, after.GetProperty("current").GetDecimal());
        Assert.Equal("registry", after.GetProperty("readings")[0].GetProperty("origin").GetString());
        Assert.StartsWith("当年新增（从零计）", after.GetProperty("statusReason").GetString());
    }
}

public sealed class SqliteTargetKindApiTests() : TargetKindApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTargetKindApiTests() : TargetKindApiTests(DatabaseProvider.Postgres);
