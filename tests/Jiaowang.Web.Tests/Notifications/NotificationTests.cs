using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Notifications;

namespace Jiaowang.Web.Tests.Notifications;

/// <summary>Following, the inbox and the outside channels, each against a real sink on loopback (SMTP, HTTP).</summary>
public abstract class NotificationTests(DatabaseProvider provider) : IAsyncLifetime
{
    NotificationApp n = null!;

    public async Task InitializeAsync() => n = await NotificationApp.StartAsync(provider);

    public async Task DisposeAsync() => await n.DisposeAsync();

    async Task<(string Id, HttpClient Client)> FollowerOfTask5Async(string email = "follower@wuhan.test", object? quiet = null)
    {
        var follower = await n.PersonAsync("office", null, email, "13800001111");
        Assert.Equal(HttpStatusCode.Created, (await follower.Client.PostAsJsonAsync("/api/follows", new { kind = "task", id = n.App.TaskIds[5] })).StatusCode);
        var settings = await follower.Client.PutAsJsonAsync("/api/me/notification-settings", new
        {
            email = true, weCom = true, weComUrl = n.Sink.Root + "/robot?key=secret", sms = true,
            quietFrom = quiet is null ? null : "22:00", quietTo = quiet is null ? null : "07:00", digest = false,
        });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        return follower;
    }

    static async Task<JsonElement> InboxAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/me/notifications");

    [Fact]
    public async Task A_follower_of_a_task_hears_of_a_returned_report_in_the_inbox_by_mail_on_the_robot_and_by_sms()
    {
        var follower = await FollowerOfTask5Async();
        // Following twice is following once.
        Assert.Equal(HttpStatusCode.Created, (await follower.Client.PostAsJsonAsync("/api/follows", new { kind = "task", id = n.App.TaskIds[5] })).StatusCode);
        Assert.Single((await follower.Client.GetFromJsonAsync<JsonElement>("/api/me/follows")).EnumerateArray());
        using var office = await n.App.OfficeAsync();

        await n.ReturnedReportAsync(office, comment: "请补充数据");

        var inbox = await InboxAsync(follower.Client);
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Contains("报告被退回", item.GetProperty("title").GetString());
        Assert.Contains("请补充数据", item.GetProperty("body").GetString());

        Assert.Equal(3, await n.Worker.RunOnceAsync());
        var mail = Assert.Single(n.Mails(), m => m.To.Mailboxes.Any(a => a.Address == "follower@wuhan.test"));
        Assert.Contains("报告被退回", mail.Subject);
        var robot = Assert.Single(n.Sink.Received, r => r.Path.StartsWith("/robot"));
        using var json = JsonDocument.Parse(robot.Body);
        Assert.Equal("markdown", json.RootElement.GetProperty("msgtype").GetString());
        Assert.Contains("报告被退回", json.RootElement.GetProperty("markdown").GetProperty("content").GetString());
        var sms = Assert.Single(n.Sink.Received, r => r.Path.StartsWith("/sms"));
        Assert.Contains("13800001111", sms.Path);
        Assert.Contains("报告被退回", JsonDocument.Parse(sms.Body).RootElement.GetProperty("text").GetString());
        // Nothing is sent twice.
        Assert.Equal(0, await n.Worker.RunOnceAsync());

        var id = item.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await follower.Client.PostAsync($"/api/me/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await InboxAsync(follower.Client)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task The_bell_on_the_pages_counts_what_is_unread_at_once_after_a_delivery_and_after_reading()
    {
        var user = await Accounts.CreateAsync(n.Factory, "office");
        using var api = await Accounts.BearerClientAsync(n.Factory, user.UserName!);
        using var browser = await Accounts.CookieClientAsync(n.Factory, user.UserName!);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/follows", new { kind = "task", id = n.App.TaskIds[5] })).StatusCode);
        // The count is kept between requests (it is on every page): each change below must show on the next page.
        Assert.DoesNotContain("bell-count", await browser.GetStringAsync("/"));
        Assert.DoesNotContain("bell-count", await browser.GetStringAsync("/"));

        using (var office = await n.App.OfficeAsync()) await n.ReturnedReportAsync(office);
        Assert.Contains("data-unread=\"1\"", await browser.GetStringAsync("/"));
        Assert.Contains("data-unread=\"1\"", await browser.GetStringAsync("/dashboard"));

        var id = Assert.Single((await InboxAsync(api)).GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/me/notifications/{id}/read", null)).StatusCode);
        Assert.DoesNotContain("bell-count", await browser.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_follow_buttons_show_at_once_what_the_person_follows_and_a_liaison_has_none_for_another_unit()
    {
        var user = await Accounts.CreateAsync(n.Factory, "office");
        using var api = await Accounts.BearerClientAsync(n.Factory, user.UserName!);
        using var browser = await Accounts.CookieClientAsync(n.Factory, user.UserName!);
        var plan = await api.GetFromJsonAsync<JsonElement>($"/api/plans/{n.App.PlanId}");
        var target = plan.GetProperty("targets")[0].GetProperty("id").GetInt32();
        // What a person follows is kept between pages: the overview has a button per target.
        Assert.Contains($"aria-pressed=\"false\" data-follow=\"target-{target}\"", await browser.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/follows", new { kind = "target", id = target })).StatusCode);
        var overview = await browser.GetStringAsync("/");
        Assert.Contains($"aria-pressed=\"true\" data-follow=\"target-{target}\"", overview);
        var second = plan.GetProperty("targets")[1].GetProperty("id").GetInt32();
        Assert.Contains($"aria-pressed=\"false\" data-follow=\"target-{second}\"", overview);

        // The targets' buttons share the one form below the table: each names its action, the form holds the token.
        async Task<HttpResponseMessage> PressAsync(string page, int id, string kind = "target")
        {
            var action = System.Text.RegularExpressions.Regex.Match(page, $"form=\"follow-form\" formaction=\"([^\"]+)\"[^>]*data-follow=\"{kind}-{id}\"").Groups[1].Value;
            var form = page[page.IndexOf("<form id=\"follow-form\"", StringComparison.Ordinal)..];
            var token = Accounts.FormToken(form);
            var back = System.Text.RegularExpressions.Regex.Match(form, "name=\"returnUrl\" value=\"([^\"]*)\"").Groups[1].Value;
            return await browser.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = back }));
        }
        var followed = await PressAsync(overview, second);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (followed.StatusCode, followed.Headers.Location?.OriginalString));
        var unfollowed = await PressAsync(await browser.GetStringAsync("/"), target);
        Assert.Equal(HttpStatusCode.Redirect, unfollowed.StatusCode);
        overview = await browser.GetStringAsync("/");
        Assert.Contains($"aria-pressed=\"false\" data-follow=\"target-{target}\"", overview);
        Assert.Contains($"aria-pressed=\"true\" data-follow=\"target-{second}\"", overview);
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(overview, n.App.PlanId, "plan")).StatusCode);
        Assert.Contains($"aria-pressed=\"true\" data-follow=\"plan-{n.App.PlanId}\"", await browser.GetStringAsync("/"));
        var mine = (await api.GetFromJsonAsync<JsonElement>("/api/me/follows")).EnumerateArray().Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("id").GetInt32()));
        Assert.Equal([("plan", n.App.PlanId), ("target", second)], mine.Where(f => f.Item1 is "plan" or "target").Order());

        var (liaisonName, _) = await n.App.LiaisonAsync("市交通运输局");
        using var liaison = await Accounts.CookieClientAsync(n.Factory, liaisonName);
        var own = n.App.UnitIds["市交通运输局"];
        var other = n.App.UnitIds["市委外办"];
        Assert.Contains($"data-follow=\"unit-{own}\"", await liaison.GetStringAsync($"/units/{own}"));
        Assert.DoesNotContain("data-follow=\"unit-", await liaison.GetStringAsync($"/units/{other}"));
    }

    [Fact]
    public async Task A_failing_robot_is_retried_with_back_off_shown_to_the_office_and_then_succeeds()
    {
        using var office = await n.App.OfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/notifications/robots/{n.App.UnitIds["市交通运输局"]}",
            new { url = n.Sink.Root + "/unit-robot?key=3f2a9c1e-secret-key-0001" })).StatusCode);
        n.Sink.Status = 500;

        await n.ReturnedReportAsync(office);
        Assert.Equal(0, await n.Worker.RunOnceAsync());

        var waiting = Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries")).EnumerateArray());
        Assert.Equal("pending", waiting.GetProperty("state").GetString());
        Assert.Equal(1, waiting.GetProperty("attempts").GetInt32());
        Assert.Contains("500", waiting.GetProperty("lastError").GetString());
        Assert.DoesNotContain("secret-key", waiting.GetProperty("address").GetString());
        // Not before its back-off: a round now sends nothing, even with the robot back.
        n.Sink.Status = 200;
        Assert.Equal(0, await n.Worker.RunOnceAsync());
        n.Clock.Now = n.Clock.Now.AddMinutes(2);
        Assert.Equal(1, await n.Worker.RunOnceAsync());
        Assert.Single(n.Sink.Received, r => r.Path.StartsWith("/unit-robot"));
        Assert.Empty((await office.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries")).EnumerateArray());
    }

    [Fact]
    public async Task The_office_retries_a_failed_delivery_now()
    {
        using var office = await n.App.OfficeAsync();
        await office.PutAsJsonAsync($"/api/notifications/robots/{n.App.UnitIds["市交通运输局"]}", new { url = n.Sink.Root + "/unit-robot?key=k2" });
        n.Sink.Status = 500;
        await n.ReturnedReportAsync(office);
        for (var i = 0; i < 8; i++)
        {
            await n.Worker.RunOnceAsync();
            n.Clock.Now = n.Clock.Now.AddHours(7);
        }
        // Two days on, the first sign-in has expired: the office signs in again.
        using var later = await n.App.OfficeAsync();
        var failed = Assert.Single((await later.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries?state=failed")).EnumerateArray());
        n.Sink.Status = 200;
        Assert.Equal(0, await n.Worker.RunOnceAsync());

        var retried = await later.PostAsync($"/api/notifications/deliveries/{failed.GetProperty("id").GetInt32()}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, await n.Worker.RunOnceAsync());
        Assert.Single(n.Sink.Received);
    }

    [Fact]
    public async Task Quiet_hours_hold_outside_delivery_until_they_end_but_the_inbox_has_it_at_once()
    {
        n.Clock.Now = new DateTimeOffset(2026, 6, 15, 23, 0, 0, TimeSpan.FromHours(8));
        var follower = await FollowerOfTask5Async(quiet: true);
        using var office = await n.App.OfficeAsync();

        await n.ReturnedReportAsync(office);

        Assert.Equal(1, (await InboxAsync(follower.Client)).GetProperty("unread").GetInt32());
        Assert.Equal(0, await n.Worker.RunOnceAsync());
        n.Clock.Now = new DateTimeOffset(2026, 6, 16, 6, 59, 0, TimeSpan.FromHours(8));
        Assert.Equal(0, await n.Worker.RunOnceAsync());
        Assert.Empty(n.Sink.Received);
        n.Clock.Now = new DateTimeOffset(2026, 6, 16, 7, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(3, await n.Worker.RunOnceAsync());
        Assert.Equal(2, n.Sink.Received.Count);
        Assert.Single(n.Mails());
    }

    [Fact]
    public async Task A_daily_digest_sends_one_message_for_the_day()
    {
        var follower = await n.PersonAsync("office", null, "digest@wuhan.test", "13800002222");
        await follower.Client.PostAsJsonAsync("/api/follows", new { kind = "unit", id = n.App.UnitIds["市交通运输局"] });
        await follower.Client.PutAsJsonAsync("/api/me/notification-settings", new { email = true, weCom = false, sms = false, digest = true });
        using var office = await n.App.OfficeAsync();
        using var leader = await Accounts.BearerClientAsync(n.Factory, (await Accounts.CreateAsync(n.Factory, "leader")).UserName!);

        await n.ReturnedReportAsync(office);
        (await leader.PostAsJsonAsync($"/api/tasks/{n.App.TaskIds[5]}/instructions", new { text = "请加快进度" })).EnsureSuccessStatusCode();

        Assert.Equal(0, await n.Worker.RunOnceAsync());
        n.Clock.Now = new DateTimeOffset(2026, 6, 16, 8, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(2, await n.Worker.RunOnceAsync());
        var mail = Assert.Single(n.Mails());
        Assert.Contains("每日汇总", mail.Subject);
        Assert.Contains("报告被退回", mail.TextBody);
        Assert.Contains("收到领导批示", mail.TextBody);
    }

    [Fact]
    public async Task A_liaison_follows_only_what_it_can_see_and_hears_nothing_of_another_units_reports()
    {
        var (_, liaison) = await n.App.LiaisonAsync("市商务局");
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.PostAsJsonAsync("/api/follows", new { kind = "unit", id = n.App.UnitIds["市交通运输局"] })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync("/api/follows", new { kind = "unit", id = n.App.UnitIds["市商务局"] })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await liaison.PostAsJsonAsync("/api/follows", new { kind = "meeting", id = 1 })).StatusCode);
        // The task is public: following it is allowed, but another unit's returned report is not this liaison's to hear.
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync("/api/follows", new { kind = "task", id = n.App.TaskIds[5] })).StatusCode);
        using var office = await n.App.OfficeAsync();

        await n.ReturnedReportAsync(office);

        Assert.Equal(0, (await InboxAsync(liaison)).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await liaison.DeleteAsync($"/api/follows/task/{n.App.TaskIds[5]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.DeleteAsync($"/api/follows/task/{n.App.TaskIds[5]}")).StatusCode);
    }

    [Fact]
    public async Task The_units_liaison_and_the_reports_author_hear_of_its_acceptance_and_members_of_a_vote_opening()
    {
        var (name, liaison) = await n.App.LiaisonAsync("市交通运输局");
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = n.App.TaskIds[5], periodId = n.App.Monthly(5).Id, text = "五月进展" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { });
        using var office = await n.App.OfficeAsync();
        (await office.PostAsJsonAsync($"/api/reports/{id}/accept", new { })).EnsureSuccessStatusCode();
        var inbox = await InboxAsync(liaison);
        Assert.Contains("报告已通过", Assert.Single(inbox.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        using var member = await Accounts.BearerClientAsync(n.Factory, (await Accounts.CreateAsync(n.Factory, "member")).UserName!);
        (await office.PostAsJsonAsync("/api/evaluations", new { planId = n.App.PlanId, title = "年度测评", closesAt = JiaowangFactory.Today.AddDays(3), unitIds = (int[]?)null }))
            .EnsureSuccessStatusCode();
        Assert.Contains("满意度测评已开始", (await InboxAsync(member)).GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Settings_refuse_a_robot_on_another_host_and_half_quiet_hours()
    {
        var (_, client) = await n.PersonAsync("leader", null, "l@wuhan.test", "13800003333");
        var bad = await client.PutAsJsonAsync("/api/me/notification-settings", new { email = true, weCom = true, weComUrl = "https://evil.example/hook", quietFrom = "22:00" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("weComUrl", body);
        Assert.Contains("quietTo", body);
    }
}

public sealed class SqliteNotificationTests() : NotificationTests(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationTests() : NotificationTests(DatabaseProvider.Postgres);
