using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>Following a task in Chromium: the office returns a report on it and the bell in the header shows it.</summary>
public sealed class FollowBrowserTests(SqliteSupervisionBrowserApp app) : IClassFixture<SqliteSupervisionBrowserApp>
{
    static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login?culture=zh-CN");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task A_follower_of_a_task_sees_the_bell_count_when_the_office_returns_its_report()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader", name: "follow-leader");
        var page = await app.NewPersonAsync();
        await SignInAsync(page, leader.UserName!, Accounts.Password);
        await page.GotoAsync("/?culture=zh-CN");
        await page.Locator("a[href^='/tasks/']").Filter(new() { HasText = "建设国际性综合交通枢纽城市" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "关注", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "取消关注" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bell-count")).ToHaveCountAsync(0);
        var taskId = int.Parse(page.Url.Split('/').Last().Split('?')[0]);

        // The unit reports through the API, as its script would; the office returns it.
        var liaison = await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局", name: "follow-liaison");
        var office = await Accounts.CreateAsync(app.Factory, "office", name: "follow-office");
        using var liaisonApi = await ApiAsync(liaison.UserName!);
        using var officeApi = await ApiAsync(office.UserName!);
        var plans = await officeApi.GetFromJsonAsync<JsonElement>("/api/plans");
        var periods = await officeApi.GetFromJsonAsync<JsonElement>($"/api/plans/{plans[0].GetProperty("id").GetInt32()}/periods");
        var may = periods.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "monthly" && p.GetProperty("start").GetString()!.StartsWith("2026-05"));
        var created = await (await liaisonApi.PostAsJsonAsync("/api/reports", new { taskId, periodId = may.GetProperty("id").GetInt32(), text = "五月进展" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var reportId = created.GetProperty("id").GetInt32();
        (await liaisonApi.PostAsJsonAsync($"/api/reports/{reportId}/submit", new { })).EnsureSuccessStatusCode();
        (await officeApi.PostAsJsonAsync($"/api/reports/{reportId}/return", new { comment = "请补充航线数据" })).EnsureSuccessStatusCode();

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".bell-count")).ToHaveTextAsync("1");
        await page.Locator("a.bell").ClickAsync();
        await Assertions.Expect(page.Locator("ol.inbox li.unread")).ToContainTextAsync("报告被退回");
        await Assertions.Expect(page.Locator("ol.inbox li.unread")).ToContainTextAsync("请补充航线数据");
        await page.GetByRole(AriaRole.Button, new() { Name = "全部标为已读" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.inbox li.unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bell-count")).ToHaveCountAsync(0);
    }
}
