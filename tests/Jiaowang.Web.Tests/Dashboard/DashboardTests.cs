using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Dashboard;

/// <summary>The leaders' dashboard: who may open it, and that its figures are the data's, on SQLite and PostgreSQL.</summary>
public abstract class DashboardTests(DatabaseProvider provider) : IAsyncLifetime
{
    const string Transport = "市交通运输局";
    readonly MovableClock clock = new(JiaowangFactory.Today);
    SupervisionApp app = null!;

    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider, s => s.AddSingleton<TimeProvider>(clock));
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<HttpClient> CookieAsync(string role, string? unit = null)
    {
        var user = await Accounts.CreateAsync(app.Factory, role, unit);
        return await Accounts.CookieClientAsync(app.Factory, user.UserName!);
    }

    async Task<DashboardModel> ApiAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<DashboardModel>($"/api/plans/{app.PlanId}/dashboard"))!;

    static string Row(string page, int unitId) =>
        Regex.Match(page, $"<tr data-unit=\"{unitId}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    static string TargetItem(string page, int targetId) =>
        Regex.Match(page, $"<li class=\"target-bar\" id=\"target-{targetId}\"[^>]*>(.*?)</li>", RegexOptions.Singleline).Groups[1].Value;

    static string OverviewRow(string page, int targetId) =>
        Regex.Match(page, $"<tr id=\"target-{targetId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task Leaders_and_the_office_open_the_dashboard_while_liaisons_members_and_strangers_are_turned_away()
    {
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/plans/{app.PlanId}/dashboard")).StatusCode);

        foreach (var (role, unit) in new[] { ("liaison", Transport), ("member", null) })
        {
            using var client = await CookieAsync(role, unit);
            var denied = await client.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/denied", denied.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain("href=\"/dashboard\"", await client.GetStringAsync("/"));
            var user = await Accounts.CreateAsync(app.Factory, role, unit);
            using var script = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
            Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync($"/api/plans/{app.PlanId}/dashboard")).StatusCode);
        }

        foreach (var role in new[] { "leader", "office", "admin" })
        {
            using var client = await CookieAsync(role);
            var page = await client.GetStringAsync("/dashboard");
            Assert.Contains("<h1>领导驾驶舱</h1>", page);
            Assert.Contains("href=\"/dashboard\"", page);
            Assert.Contains($"/plans/{app.PlanId}", page);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/plans/{app.PlanId}/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{app.PlanId + 1000}/dashboard")).StatusCode);
        }
    }

    [Fact]
    public async Task Each_day_the_dashboard_is_that_days_and_the_server_keeps_only_todays()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        var cache = app.Factory.Services.GetRequiredService<DashboardCache>();
        try
        {
            // A server runs for months: a week of leaders opening the dashboard leaves one model kept, today's, not seven
            // (each of which also held the pages rendered from it). The leader signs in each morning.
            for (var day = 0; day < 7; day++)
            {
                clock.Now = JiaowangFactory.Today.AddDays(day);
                var today = DateOnly.FromDateTime(clock.Now.Date);
                using var script = await Accounts.BearerClientAsync(app.Factory, leader.UserName!);
                using var browser = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
                Assert.Equal(today, (await ApiAsync(script)).Today);
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).StatusCode);
                Assert.Equal(today, (await ApiAsync(script)).Today);
                Assert.Equal(1, cache.Count);
            }
        }
        finally
        {
            clock.Now = JiaowangFactory.Today;
        }
    }

    [Fact]
    public async Task A_dashboard_kept_for_its_reader_is_their_own_page_and_its_sign_out_works_in_each_of_their_browsers()
    {
        var first = await Accounts.CreateAsync(app.Factory, "leader");
        var second = await Accounts.CreateAsync(app.Factory, "leader");
        using var firstDesk = await Accounts.CookieClientAsync(app.Factory, first.UserName!);
        using var firstPhone = await Accounts.CookieClientAsync(app.Factory, first.UserName!);
        using var secondDesk = await Accounts.CookieClientAsync(app.Factory, second.UserName!);
        string Who(string page) => Regex.Match(page, "<span class=\"who\">([^<]*)</span>").Groups[1].Value;

        // Each page is rendered once per reader and then sent as kept; each reader sees their own name every time. The
        // overview is kept for signed-in readers the same way.
        foreach (var path in new[] { "/dashboard", "/dashboard", "/", "/" })
        {
            Assert.Equal(first.UserName, Who(await firstDesk.GetStringAsync(path)));
            Assert.Equal(second.UserName, Who(await secondDesk.GetStringAsync(path)));
            Assert.Equal(first.UserName, Who(await firstPhone.GetStringAsync(path)));
        }
        Assert.Contains("Leaders' dashboard", WebUtility.HtmlDecode(await firstDesk.GetStringAsync("/dashboard?culture=en")));
        Assert.Contains("领导驾驶舱", await firstDesk.GetStringAsync("/dashboard?culture=zh-CN"));

        // The kept page carries each browser's own antiforgery token: signing out from the phone's copy works, and the
        // desk stays signed in.
        var signedOut = await Accounts.PostFormAsync(firstPhone, "/account/logout", [], "/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await firstPhone.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(first.UserName, Who(await firstDesk.GetStringAsync("/dashboard")));
    }

    [Fact]
    public async Task A_unit_page_kept_for_a_signed_in_reader_is_judged_again_when_the_day_changes()
    {
        // The unit's detail is kept under no day, the supervision panel on it is judged on today: seconds before and after
        // midnight the detail is the same kept instance, and the page kept with it must still show the new day's overdue.
        var unitId = app.UnitIds[Transport];
        var deadline = app.Periods.Select(p => p.Deadline).Where(d => d >= DateOnly.FromDateTime(JiaowangFactory.Today.DateTime)).Min();
        static string Overdue(string page) => Regex.Match(page, "<h3 id=\"overdue-heading\">([^<]*)</h3>").Groups[1].Value;
        try
        {
            clock.Now = new DateTimeOffset(deadline.ToDateTime(new TimeOnly(23, 59, 50)), TimeSpan.FromHours(8));
            using var leader = await CookieAsync("leader");
            var onTheDay = Overdue(await leader.GetStringAsync($"/units/{unitId}"));
            Assert.Equal(onTheDay, Overdue(await leader.GetStringAsync($"/units/{unitId}")));
            clock.Now = clock.Now.AddSeconds(15);
            Assert.NotEqual(onTheDay, Overdue(await leader.GetStringAsync($"/units/{unitId}")));
        }
        finally
        {
            clock.Now = JiaowangFactory.Today;
        }
    }

    [Fact]
    public async Task A_browser_that_accepts_gzip_gets_the_kept_dashboard_compressed_with_its_own_token_and_its_forms_work()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        using var desk = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
        using var phone = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
        async Task<(string Page, long Sent)> GzipAsync(HttpClient browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
            using var response = await browser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
            var sent = await response.Content.ReadAsByteArrayAsync();
            using var reader = new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress));
            return (await reader.ReadToEndAsync(), sent.Length);
        }

        static string WithoutToken(string page) => page.Replace(Accounts.FormToken(page), "");
        async Task SignOutAsync(HttpClient browser, string page)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Accounts.FormToken(page) });
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", form)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).StatusCode);
        }

        // Rendered once and kept; the browser then gets the same page at a fraction of the bytes.
        var plain = await desk.GetStringAsync("/dashboard");
        Assert.Contains("领导驾驶舱", plain);
        Assert.False(string.IsNullOrEmpty(Accounts.FormToken(plain)));
        var (deskPage, deskSent) = await GzipAsync(desk);
        Assert.Equal(WithoutToken(plain), WithoutToken(deskPage));
        Assert.True(deskSent * 4 < System.Text.Encoding.UTF8.GetByteCount(plain), $"{deskSent} bytes sent for a page of {plain.Length} characters");

        // Another browser of the same reader gets the same page with a token of its own and signs out with it; the desk
        // stays signed in, and signs out with the token of the page it was sent last.
        var (phonePage, _) = await GzipAsync(phone);
        Assert.NotEqual(Accounts.FormToken(deskPage), Accounts.FormToken(phonePage));
        Assert.Equal(WithoutToken(plain), WithoutToken(phonePage));
        await SignOutAsync(phone, phonePage);
        var (lastDeskPage, _) = await GzipAsync(desk);
        Assert.Equal(WithoutToken(plain), WithoutToken(lastDeskPage));
        await SignOutAsync(desk, lastDeskPage);
    }

    [Fact]
    public async Task A_units_row_counts_reports_on_time_late_returned_and_overdue_and_its_unanswered_instructions()
    {
        var (_, liaison) = await app.LiaisonAsync(Transport);
        using var office = await app.OfficeAsync();
        var leaderUser = await Accounts.CreateAsync(app.Factory, "leader");
        using var leader = await Accounts.BearerClientAsync(app.Factory, leaderUser.UserName!);
        var transport = app.UnitIds[Transport];

        async Task<int> SubmitAsync(int month, string text)
        {
            var report = await (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(month).Id, text }))
                .Content.ReadFromJsonAsync<ReportItem>();
            Assert.Equal(HttpStatusCode.OK, (await liaison.PostAsync($"/api/reports/{report!.Id}/submit", null)).StatusCode);
            return report.Id;
        }
        // April's report goes in before its deadline (5 May); May's after its deadline (5 June), is returned once, then accepted.
        clock.Now = new DateTimeOffset(2026, 5, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var april = await SubmitAsync(4, "四月：新开航线 1 条");
        clock.Now = JiaowangFactory.Today;
        var may = await SubmitAsync(5, "五月：新开航线 2 条");
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/reports/{may}/return", new { comment = "请补充旅客人数" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.PostAsync($"/api/reports/{may}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/reports/{may}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/reports/{april}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/instructions", new { text = "中欧班列要稳定运营" })).StatusCode);

        var dashboard = await ApiAsync(leader);
        var row = dashboard.Units.Single(u => u.Id == transport);
        Assert.True(row.Due >= 2, $"{Transport} owed {row.Due} reports by mid-June");
        Assert.Equal((1, 1, 1, row.Due - 2, 1), (row.OnTime, row.AcceptedFirstTime, row.Returned, row.Overdue, row.InstructionsUnanswered));
        // A unit that wrote nothing is overdue on everything it owed.
        var silent = dashboard.Units.First(u => u.Id != transport && u.Due > 0);
        Assert.Equal((silent.Due, 0), (silent.Overdue, silent.OnTime));
        Assert.Equal(dashboard.Units.Sum(u => u.Overdue), dashboard.Headline.ReportsOverdue);
        Assert.Equal(dashboard.Units.Sum(u => u.InstructionsUnanswered), dashboard.Headline.InstructionsUnanswered);
        // The matrix cell links to the unit's latest report on the task.
        var taskRow = dashboard.Matrix.SelectMany(g => g.Tasks).Single(t => t.TaskId == app.TaskIds[5]);
        var cell = taskRow.Cells[dashboard.MatrixUnits.ToList().FindIndex(u => u.Id == transport)]!;
        Assert.Equal((may, "accepted"), (cell.ReportId, cell.ReportState));

        using var page = await CookieAsync("leader");
        var html = await page.GetStringAsync("/dashboard");
        var tr = Row(html, transport);
        Assert.Contains($"<a href=\"/units/{transport}\">{Transport}</a>", tr);
        Assert.Contains($"class=\"num overdue-count\" data-value=\"{row.Overdue}\">{row.Overdue}<", tr);
        Assert.Contains($"href=\"/work/reports/{may}\"", html);
        Assert.Contains($"<strong class=\"tile-figure\">{dashboard.Headline.ReportsOverdue}</strong>", html);
    }

    [Fact]
    public async Task A_targets_bar_shows_its_latest_value_against_time_progress_and_its_trend_every_reading()
    {
        using var office = await app.OfficeAsync();
        var routes = app.TargetId("国际地区航线");
        // Seen once before the readings, as data and as pages in both languages: the model and the sections rendered
        // from it are kept, and must not outlive the writes.
        Assert.Null((await ApiAsync(office)).TargetGroups.SelectMany(g => g.Targets).Single(t => t.Id == routes).Latest);
        Assert.Contains("— / 22 条", TargetItem(await office.GetStringAsync("/dashboard"), routes));
        Assert.Contains("— of 22 条", TargetItem(await office.GetStringAsync("/dashboard?culture=en"), routes));
        // The overview's sections are kept for signed-in readers too (per kept plan detail and language).
        Assert.Contains("<td class=\"num\">—</td>", OverviewRow(await office.GetStringAsync("/?culture=zh-CN"), routes));
        Assert.Contains("<td class=\"num\">—</td>", OverviewRow(await office.GetStringAsync("/?culture=en"), routes));
        foreach (var (value, asOf) in new[] { (15, "2026-03-31"), (18, "2026-05-31") })
        {
            Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value, asOf, source = "市口岸办统计" })).StatusCode);
        }
        var target = await office.GetFromJsonAsync<Jiaowang.Web.Features.Readings.TargetDetail>($"/api/targets/{routes}");

        var bar = (await ApiAsync(office)).TargetGroups.SelectMany(g => g.Targets).Single(t => t.Id == routes);
        Assert.Equal((18m, 22m, 0.8182m, target!.Status), (bar.Latest!.Value, bar.Value, bar.ValueProgress!.Value, bar.Status));
        Assert.Equal([new TrendPoint(new DateOnly(2026, 3, 31), 15), new TrendPoint(new DateOnly(2026, 5, 31), 18)], bar.Readings);
        // The body is sent from bytes kept with the model: still the API's JSON (camelCase, Chinese unescaped), as a script reads it.
        var raw = await office.GetAsync($"/api/plans/{app.PlanId}/dashboard");
        Assert.Equal("application/json; charset=utf-8", raw.Content.Headers.ContentType!.ToString());
        var body = await raw.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var sent = json.RootElement.GetProperty("targetGroups").EnumerateArray().SelectMany(g => g.GetProperty("targets").EnumerateArray())
            .Single(t => t.GetProperty("id").GetInt32() == routes);
        Assert.Equal(["2026-03-31", "2026-05-31"], sent.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("asOf").GetString()));
        Assert.Equal([15m, 18m], sent.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("value").GetDecimal()));
        var title = json.RootElement.GetProperty("planTitle").GetString()!;
        Assert.Contains($"\"planTitle\":\"{title}\"", body);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", title);
        // A script that accepts gzip (Python's requests, HttpClient with decompression) gets the same body compressed.
        var gzipped = new HttpRequestMessage(HttpMethod.Get, $"/api/plans/{app.PlanId}/dashboard");
        gzipped.Headers.AcceptEncoding.ParseAdd("gzip, deflate");
        var compressed = await office.SendAsync(gzipped);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var packed = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(packed.Length * 3 < System.Text.Encoding.UTF8.GetByteCount(body), $"{packed.Length} bytes compressed from {body.Length} characters");
        using (var unpacked = new System.IO.Compression.GZipStream(new MemoryStream(packed), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(unpacked))
        {
            Assert.Equal(body, await reader.ReadToEndAsync());
        }

        var overviewZh = OverviewRow(await office.GetStringAsync("/?culture=zh-CN"), routes);
        Assert.Contains("<td class=\"num\">18</td>", overviewZh);
        Assert.Contains($"class=\"status {target.Status}\"", overviewZh);
        Assert.Contains("<td class=\"num\">18</td>", OverviewRow(await office.GetStringAsync("/?culture=en"), routes));
        Assert.Contains("<h2 id=\"targets-heading\">Targets</h2>", await office.GetStringAsync("/?culture=en"));
        Assert.DoesNotContain("<h2 id=\"targets-heading\">Targets</h2>", await office.GetStringAsync("/?culture=zh-CN"));

        var zh = TargetItem(await office.GetStringAsync("/dashboard"), routes);
        Assert.Contains("18 / 22 条", zh);
        Assert.Contains("完成 81.8%", zh);
        Assert.Contains("width:81.82%", zh);
        Assert.Contains($"class=\"status {target.Status}\"", zh);
        var en = TargetItem(await office.GetStringAsync("/dashboard?culture=en"), routes);
        Assert.Contains("18 of 22 条", en);
        Assert.Contains("81.8% done", en);
        // The sections are kept per language: Chinese again after English is still Chinese.
        Assert.Contains("完成 81.8%", TargetItem(await office.GetStringAsync("/dashboard?culture=zh-CN"), routes));
    }

    [Fact]
    public async Task Before_the_plan_starts_the_dashboard_says_nothing_is_reported_or_due_yet()
    {
        clock.Now = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(8));
        using var leader = await CookieAsync("leader");

        var html = await leader.GetStringAsync("/dashboard");

        Assert.Contains("还没有到期的报告", html);
        Assert.Equal(app.Targets.Count, Regex.Matches(html, "<span class=\"muted\">暂无填报</span>").Count);
        var english = await leader.GetStringAsync("/dashboard?culture=en");
        Assert.Contains("No report is due yet", english);
        Assert.Contains("<h1>Leaders&#x27; dashboard</h1>", english); // the apostrophe is HTML-encoded
    }

    [Fact]
    public async Task Open_meeting_decisions_show_in_the_headline_with_their_colours_and_lead_to_the_follow_up_list()
    {
        using var leader = await CookieAsync("leader");
        Assert.Contains("尚无会议或视察的议定事项", await leader.GetStringAsync("/dashboard"));
        using var office = await app.OfficeAsync();
        // Today is 15 June: one decision already late, one due within the week, one comfortably ahead.
        var recorded = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "councilInspection", title = "市政协视察国际交往中心建设", heldOn = "2026-06-01", attendees = new[] { "市政协副主席" },
            decisions = new[]
            {
                new { text = "加密国际客运航线", unitId = app.UnitIds["市交通运输局"], deadline = "2026-06-10" },
                new { text = "完善外籍人士支付服务", unitId = app.UnitIds["市商务局"], deadline = "2026-06-20" },
                new { text = "编制国际会展计划", unitId = app.UnitIds["市商务局"], deadline = "2026-09-30" },
            },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, recorded.StatusCode);

        var headline = (await ApiAsync(leader)).Headline;
        var html = await leader.GetStringAsync("/dashboard");

        Assert.Equal(3, headline.FollowUps);
        Assert.Equal((1, 1, 1), (headline.FollowUpStatuses["behind"], headline.FollowUpStatuses["atRisk"], headline.FollowUpStatuses["onTrack"]));
        var tile = Regex.Match(html, "<div class=\"tile alert\" id=\"headline-followups\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<strong class=\"tile-figure\">3</strong>", tile);
        Assert.Contains($"href=\"/followups?planId={app.PlanId}&amp;status=behind\">进度滞后 1</a>", tile);
    }
}

/// <summary>A clock the test moves, to submit one report before its deadline and another after.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}

public sealed class SqliteDashboardTests() : DashboardTests(DatabaseProvider.Sqlite);

public sealed class PostgresDashboardTests() : DashboardTests(DatabaseProvider.Postgres);
