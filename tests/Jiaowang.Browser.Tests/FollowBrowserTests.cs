using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Issue 12, item 7, in Chromium: a leader chooses e-mail and the group robot on the settings page and follows a task;
/// the office returns a report on it, and the return reaches the bell and inbox, the SMTP server and the robot webhook.
/// </summary>
public abstract class FollowBrowserTests(SupervisionBrowserApp app)
{
    const string FollowerMail = "follower@wuhan.test";

    async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The office registers addresses when it opens accounts; the leader here has an e-mail address on file.</summary>
    async Task<string> LeaderWithMailAsync()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        (await db.Users.FindAsync(leader.Id))!.Email = FollowerMail;
        await db.SaveChangesAsync();
        return leader.UserName!;
    }

    [Fact]
    public async Task A_follower_of_a_task_hears_of_a_returned_report_in_the_inbox_by_mail_and_on_the_group_robot()
    {
        var page = await app.NewPersonAsync();
        await SignIn.AsAsync(page, await LeaderWithMailAsync());

        await page.GotoAsync("/me/notifications/settings?culture=zh-CN");
        await page.GetByLabel("电子邮件").CheckAsync();
        await page.GetByLabel("政务微信 / 企业微信群机器人").CheckAsync();
        await page.GetByLabel("机器人 Webhook 地址").FillAsync(app.Robot.Root + "/robot?key=follow");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");

        await page.GotoAsync("/?culture=zh-CN");
        await page.Locator("a[href^='/tasks/']").Filter(new() { HasText = "建设国际性综合交通枢纽城市" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "关注", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "取消关注" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bell-count")).ToHaveCountAsync(0);
        var taskId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());

        // The unit reports through the API, as its script would; the office returns it.
        var liaison = await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局");
        var office = await Accounts.CreateAsync(app.Factory, "office");
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

        // The outside channels: one delivery round sends the mail and the robot message, and nothing goes twice.
        await app.Deliveries.RunOnceAsync();
        var mail = app.Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == FollowerMail));
        Assert.Contains("报告被退回", mail.Subject);
        Assert.Contains("请补充航线数据", mail.TextBody);
        var robot = Assert.Single(app.Robot.Received, r => r.Path.StartsWith("/robot?key=follow"));
        using (var json = JsonDocument.Parse(robot.Body))
            Assert.Contains("报告被退回", json.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        Assert.Equal(0, await app.Deliveries.RunOnceAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "全部标为已读" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.inbox li.unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bell-count")).ToHaveCountAsync(0);
    }
}

public sealed class SqliteFollowBrowserTests(SqliteSupervisionBrowserApp app)
    : FollowBrowserTests(app), IClassFixture<SqliteSupervisionBrowserApp>;

public sealed class PostgresFollowBrowserTests(PostgresSupervisionBrowserApp app)
    : FollowBrowserTests(app), IClassFixture<PostgresSupervisionBrowserApp>;
