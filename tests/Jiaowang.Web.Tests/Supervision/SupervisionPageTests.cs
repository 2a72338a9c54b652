using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>The liaison's and the office's pages, through real forms with their antiforgery tokens.</summary>
public sealed class SupervisionPageTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<(string Name, HttpClient Client)> CookieAsync(string role, string? unit = null)
    {
        var user = await Accounts.CreateAsync(app.Factory, role, unit);
        return (user.UserName!, await Accounts.CookieClientAsync(app.Factory, user.UserName!));
    }

    static int ReportIdFrom(HttpResponseMessage response) =>
        int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"/work/reports/(\d+)").Groups[1].Value);

    [Fact]
    public async Task A_liaison_writes_saves_and_submits_a_report_through_the_form_and_the_office_returns_and_accepts_it()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var (_, office) = await CookieAsync("office");
        var work = await liaison.GetStringAsync("/work");
        Assert.Contains("5. 建设国际性综合交通枢纽城市", work);
        Assert.DoesNotContain("1. 着力建设承担国家重大外交外事活动的重要舞台", work);

        var newUrl = $"/work/reports/new?periodId={app.Monthly(5).Id}&taskId={app.TaskIds[5]}";
        var saved = await Accounts.PostFormAsync(liaison, newUrl + "&handler=Save", new() { ["Text"] = "五月：新开航线 1 条" }, newUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = ReportIdFrom(saved);
        var submitted = await Accounts.PostFormAsync(liaison, $"/work/reports/{id}?handler=Submit",
            new() { ["Text"] = "五月：新开航线 1 条<script>alert('x')</script>", ["Version"] = "1" }, $"/work/reports/{id}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var queue = await office.GetStringAsync("/office/review");
        Assert.Contains("五月：新开航线 1 条", queue);
        Assert.DoesNotContain("alert('x')", queue);
        var returned = await Accounts.PostFormAsync(office, "/office/review?handler=Return",
            new() { ["id"] = id.ToString(), ["version"] = "3", ["comment"] = "请补充旅客人数" }, "/office/review");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Contains("请补充旅客人数", await liaison.GetStringAsync($"/work/reports/{id}"));

        await Accounts.PostFormAsync(liaison, $"/work/reports/{id}?handler=Submit", new() { ["Text"] = "五月：新开航线 1 条，旅客 3 万人次", ["Version"] = "4" }, $"/work/reports/{id}");
        var accepted = await Accounts.PostFormAsync(office, "/office/review?handler=Accept", new() { ["id"] = id.ToString(), ["version"] = "6" }, "/office/review");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("已通过", await liaison.GetStringAsync($"/work/reports/{id}"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_report_see_a_conflict_message_instead_of_losing_an_update()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var newUrl = $"/work/reports/new?periodId={app.Monthly(4).Id}&taskId={app.TaskIds[5]}";
        var id = ReportIdFrom(await Accounts.PostFormAsync(liaison, newUrl + "&handler=Save", new() { ["Text"] = "第一稿" }, newUrl));
        await Accounts.PostFormAsync(liaison, $"/work/reports/{id}?handler=Save", new() { ["Text"] = "同事的版本", ["Version"] = "1" }, $"/work/reports/{id}");

        var stale = await Accounts.PostFormAsync(liaison, $"/work/reports/{id}?handler=Save", new() { ["Text"] = "我的版本", ["Version"] = "1" }, $"/work/reports/{id}");

        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("已被他人保存过", page);
        Assert.Contains("我的版本", page);
    }

    [Fact]
    public async Task A_liaison_cannot_reach_office_pages_nor_another_units_report()
    {
        var (_, transport) = await CookieAsync("liaison", "市交通运输局");
        var (_, commerce) = await CookieAsync("liaison", "市商务局");
        var newUrl = $"/work/reports/new?periodId={app.Monthly(4).Id}&taskId={app.TaskIds[5]}";
        var id = ReportIdFrom(await Accounts.PostFormAsync(transport, newUrl + "&handler=Save", new() { ["Text"] = "草稿" }, newUrl));

        foreach (var url in new[] { "/office/review", "/office/audit", "/office/accounts/new" })
        {
            var response = await commerce.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.GetAsync($"/work/reports/{id}")).StatusCode);
        var other = await Accounts.PostFormAsync(commerce, $"/work/reports/{id}?handler=Save", new() { ["Text"] = "改写", ["Version"] = "1" }, "/work");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Forms_refuse_posts_without_the_antiforgery_token_and_pages_send_strangers_to_login()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var post = await liaison.PostAsync($"/work/reports/new?periodId={app.Monthly(4).Id}&taskId={app.TaskIds[5]}&handler=Save",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);

        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/work", "/office/review", "/office/audit" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_overview_shows_task_statuses_and_overdue_reports_only_to_signed_in_people()
    {
        var (_, leader) = await CookieAsync("leader");
        using var anonymous = app.Factory.CreateClient();

        var signedIn = await leader.GetStringAsync("/");
        Assert.Contains("督办情况", signedIn);
        Assert.Contains("逾期未报", signedIn);
        Assert.DoesNotContain("督办情况", await anonymous.GetStringAsync("/"));
        var unitPage = await leader.GetStringAsync($"/units/{app.UnitIds["市交通运输局"]}");
        Assert.Contains("逾期未报", unitPage);
    }

    [Fact]
    public async Task A_liaison_records_a_reading_for_an_assigned_target_from_the_workspace()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        using var office = await app.OfficeAsync();
        var routes = app.TargetId("国际地区航线");
        await office.PutAsJsonAsync($"/api/targets/{routes}/units", new { unitIds = new[] { app.UnitIds["市交通运输局"] } });
        // The list is kept until a write: read once before the reading, so that the page after it must be the new one.
        Assert.Contains("当前值: —", await liaison.GetStringAsync("/work"));

        var bad = await Accounts.PostFormAsync(liaison, "/work?handler=Reading",
            new() { ["TargetId"] = routes.ToString(), ["Value"] = "20", ["AsOf"] = "2026-06-01", ["Source"] = "<script>alert(1)</script>" }, "/work");
        Assert.Contains("不能包含 HTML 标签", await bad.Content.ReadAsStringAsync());
        var good = await Accounts.PostFormAsync(liaison, "/work?handler=Reading",
            new() { ["TargetId"] = routes.ToString(), ["Value"] = "20", ["AsOf"] = "2026-06-01", ["Source"] = "机场航班计划" }, "/work");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = await liaison.GetStringAsync(good.Headers.Location!.OriginalString);
        Assert.Contains("数据已填报", after);
        Assert.Contains("当前值: 20", after);
        Assert.DoesNotContain("当前值: —", after);
        // In English the same list is its own kept entry, with the same figures.
        Assert.Contains("Current value: 20", await liaison.GetStringAsync("/work?culture=en"));
    }

    [Fact]
    public async Task The_office_assigns_a_target_to_units_on_its_page_and_the_liaison_then_sees_it()
    {
        var (_, office) = await CookieAsync("office");
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var routes = app.TargetId("国际地区航线");
        Assert.Contains("武汉天河机场国际地区航线", await office.GetStringAsync("/office/targets"));

        var saved = await Accounts.PostFormAsync(office, "/office/targets",
            new() { ["targetId"] = routes.ToString(), ["unitIds"] = app.UnitIds["市交通运输局"].ToString() });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("武汉天河机场国际地区航线", await liaison.GetStringAsync("/work"));
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.GetAsync("/office/targets")).StatusCode);
    }

    [Fact]
    public async Task A_liaison_attaches_a_file_through_the_editor_form_and_a_disguised_file_is_refused()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var newUrl = $"/work/reports/new?periodId={app.Monthly(4).Id}&taskId={app.TaskIds[5]}";
        var id = ReportIdFrom(await Accounts.PostFormAsync(liaison, newUrl + "&handler=Save", new() { ["Text"] = "附件测试" }, newUrl));

        async Task<HttpResponseMessage> UploadAsync(string name, byte[] content)
        {
            var page = await liaison.GetStringAsync($"/work/reports/{id}");
            var token = Accounts.FormToken(page);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(content), "file", name } };
            return await liaison.PostAsync($"/work/reports/{id}?handler=Attach", form);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync("现场.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])).StatusCode);
        Assert.Contains("只能上传 PDF、Word、Excel 或图片文件", await (await UploadAsync("报告.docx", "MZ\u0090\u0000"u8.ToArray())).Content.ReadAsStringAsync());
        Assert.Contains("现场.png", await liaison.GetStringAsync($"/work/reports/{id}"));
    }

    [Fact]
    public async Task A_leader_writes_an_instruction_on_the_report_page_and_the_liaison_answers_it_there()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var (_, leader) = await CookieAsync("leader");
        var newUrl = $"/work/reports/new?periodId={app.Monthly(6).Id}&taskId={app.TaskIds[5]}";
        var id = ReportIdFrom(await Accounts.PostFormAsync(liaison, newUrl + "&handler=Save", new() { ["Text"] = "六月" }, newUrl));
        // The workspace's inbox and receipts are kept until a write: read before, they must change with the instruction.
        Assert.DoesNotContain("请抓紧推进", await liaison.GetStringAsync("/work"));

        var instructed = await Accounts.PostFormAsync(leader, $"/work/reports/{id}?handler=Instruct", new() { ["instruction"] = "请抓紧<script>x</script>" }, $"/work/reports/{id}");
        Assert.Contains("不能包含 HTML 标签", await instructed.Content.ReadAsStringAsync());
        await Accounts.PostFormAsync(leader, $"/work/reports/{id}?handler=Instruct", new() { ["instruction"] = "请抓紧推进" }, $"/work/reports/{id}");
        Assert.Contains("请抓紧推进", await liaison.GetStringAsync("/work"));
        var page = await liaison.GetStringAsync($"/work/reports/{id}");
        var instructionId = Regex.Match(page, "name=\"instructionId\" value=\"(\\d+)\"").Groups[1].Value;

        var answered = await Accounts.PostFormAsync(liaison, $"/work/reports/{id}?handler=Answer", new() { ["instructionId"] = instructionId, ["answer"] = "已召开专题会" }, $"/work/reports/{id}");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("已召开专题会", await leader.GetStringAsync($"/work/reports/{id}"));
        // Answered, it no longer waits in the inbox or for a receipt.
        Assert.DoesNotContain("请抓紧推进", await liaison.GetStringAsync("/work"));
    }

    [Fact]
    public async Task The_workspace_and_review_queue_speak_english_on_request()
    {
        var (_, liaison) = await CookieAsync("liaison", "市交通运输局");
        var (_, office) = await CookieAsync("office");

        var work = await liaison.GetStringAsync("/work?culture=en");
        var review = await office.GetStringAsync("/office/review?culture=en");

        Assert.Contains("Reports owed", work);
        Assert.Contains("Monthly report Apr 2026", work);
        Assert.Contains("overdue", work);
        Assert.Contains("Review queue", review);
        Assert.Contains("Overdue reports", await office.GetStringAsync("/?culture=en"));
    }

    [Fact]
    public async Task The_office_moves_a_deadline_on_the_periods_page()
    {
        var (_, office) = await CookieAsync("office");
        var may = app.Monthly(5);
        Assert.Contains("2026-06-05", await office.GetStringAsync("/office/periods"));

        var saved = await Accounts.PostFormAsync(office, "/office/periods", new() { ["periodId"] = may.Id.ToString(), ["deadline"] = "2026-06-20" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("2026-06-20", await office.GetStringAsync("/office/periods"));
    }

    [Fact]
    public async Task The_office_opens_a_liaison_account_from_the_page_and_gets_a_one_time_password()
    {
        var (_, office) = await CookieAsync("office");

        var created = await Accounts.PostFormAsync(office, "/office/accounts/new",
            new() { ["UserName"] = "jtj-liaison", ["Role"] = "liaison", ["Unit"] = "市交通运输局", ["Email"] = "jtj@example.org" });

        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains("账号 jtj-liaison 已开设", page);
        Assert.Matches("class=\"one-time-password\">[A-Za-z0-9]{16}<", page);
        Assert.Contains("Account", await office.GetStringAsync("/office/audit"));
    }
}
