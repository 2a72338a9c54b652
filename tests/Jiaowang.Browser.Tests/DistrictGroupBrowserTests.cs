using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>The app with the shipped district list attached to 各区人民政府, on the database the derived fixture names.</summary>
public abstract class DistrictBrowserApp(DatabaseProvider provider) : LoopbackApp
{
    protected override async Task<JiaowangFactory> CreateFactoryAsync() =>
        new(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["Seed:Districts"] = "true" });
}

public sealed class SqliteDistrictBrowserApp() : DistrictBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresDistrictBrowserApp() : DistrictBrowserApp(DatabaseProvider.Postgres);

/// <summary>Task 12 names 各区人民政府: each of the 17 districts and zones owes and files its own report, and the dashboard rolls them up.</summary>
public abstract class DistrictGroupBrowserTests(DistrictBrowserApp app)
{
    [Fact]
    public async Task Each_district_reports_on_a_task_of_the_districts_group_and_the_dashboard_rolls_them_up()
    {
        var anonymous = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var planId = (await anonymous.GetFromJsonAsync<JsonElement>("/api/plans"))[0].GetProperty("id").GetInt32();
        var plan = await anonymous.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        var task12 = plan.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetInt32() == 12);
        var taskId = task12.GetProperty("id").GetInt32();
        var districts = task12.GetProperty("groups")[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        Assert.Equal(17, districts.Count);

        await Accounts.CreateAsync(app.Factory, "office", name: "office-districts");
        foreach (var (district, i) in districts.Select((d, i) => (d, i))) await Accounts.CreateAsync(app.Factory, "liaison", district, $"district-{i:00}");

        // 江岸区's liaison files May through the page, as a liaison would.
        var jiangan = await app.NewPersonAsync();
        await SignIn.AsAsync(jiangan, $"district-{districts.IndexOf("江岸区"):00}");
        await jiangan.GotoAsync("/work");
        await jiangan.GetByRole(AriaRole.Row).Filter(new() { HasText = "月报 2026年5月" }).Filter(new() { HasText = "12. " })
            .GetByRole(AriaRole.Link, new() { Name = "填写" }).ClickAsync();
        await RichEditors.FillAsync(jiangan, "完成情况", "江岸区：重点场所双语标识完成改造 36 处。");
        await jiangan.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(jiangan.Locator("strong.report-state")).ToHaveTextAsync("已报送");

        // The others file every overdue month by API, except 新洲区, which has not reported yet.
        var first = await BearerAsync("district-00");
        var overdue = (await first.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/periods")).EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "monthly" && DateOnly.Parse(p.GetProperty("deadline").GetString()!) < DateOnly.FromDateTime(JiaowangFactory.Today.Date))
            .Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.NotEmpty(overdue);
        foreach (var (district, i) in districts.Select((d, i) => (d, i)).Where(d => d.d != "新洲区"))
            await FileAsync($"district-{i:00}", overdue, taskId, district);

        var office = await app.NewPersonAsync();
        await SignIn.AsAsync(office, "office-districts");
        await office.GotoAsync("/dashboard");
        var row = office.Locator($"details.group-rollup[data-task=\"{taskId}\"]");
        await Assertions.Expect(row.Locator("summary")).ToContainTextAsync("各区人民政府");
        await Assertions.Expect(row.Locator("summary .status")).ToHaveTextAsync("进度滞后");
        await row.Locator("summary").ClickAsync();
        await Assertions.Expect(row.Locator("tbody tr")).ToHaveCountAsync(17);
        await Assertions.Expect(row.Locator("tbody tr").Filter(new() { HasText = "新洲区" }).Locator(".status")).ToHaveTextAsync("进度滞后");
        await Assertions.Expect(row.Locator("tbody tr").Filter(new() { HasText = "江岸区" }).Locator(".status")).ToHaveTextAsync("正常推进");
        await Assertions.Expect(row.Locator("tbody tr").Filter(new() { HasText = "江岸区" })).ToContainTextAsync("已报送");

        // 新洲区 catches up: the group is on track again.
        await FileAsync($"district-{districts.IndexOf("新洲区"):00}", overdue, taskId, "新洲区");
        await office.ReloadAsync();
        await Assertions.Expect(row.Locator("summary .status")).ToHaveTextAsync("正常推进");
    }

    /// <summary>A script's client on the loopback port (the in-memory client does not reach a Kestrel-served app).</summary>
    async Task<HttpClient> BearerAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    async Task FileAsync(string userName, IReadOnlyList<int> periods, int taskId, string district)
    {
        var client = await BearerAsync(userName);
        var existing = (await client.GetFromJsonAsync<JsonElement>("/api/reports")).EnumerateArray().ToList();
        foreach (var period in periods)
        {
            var report = existing.FirstOrDefault(r => r.GetProperty("periodId").GetInt32() == period && r.GetProperty("taskId").ValueKind == JsonValueKind.Number
                && r.GetProperty("taskId").GetInt32() == taskId);
            int id;
            if (report.ValueKind == JsonValueKind.Undefined)
            {
                var created = await client.PostAsJsonAsync("/api/reports", new { periodId = period, taskId, text = $"<p>{district}进展情况。</p>" });
                created.EnsureSuccessStatusCode();
                id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            }
            else if (report.GetProperty("state").GetString() == "submitted") continue;
            else id = report.GetProperty("id").GetInt32();
            (await client.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).EnsureSuccessStatusCode();
        }
    }
}

public sealed class SqliteDistrictGroupBrowserTests(SqliteDistrictBrowserApp app)
    : DistrictGroupBrowserTests(app), IClassFixture<SqliteDistrictBrowserApp>;

public sealed class PostgresDistrictGroupBrowserTests(PostgresDistrictBrowserApp app)
    : DistrictGroupBrowserTests(app), IClassFixture<PostgresDistrictBrowserApp>;
