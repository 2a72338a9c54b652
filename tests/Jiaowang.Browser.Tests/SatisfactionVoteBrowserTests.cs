using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// The satisfaction vote in Chromium: the office opens it, a member votes from the keyboard, closing early takes the
/// office's request and an admin's confirmation, one ballot shows nothing, five ballots' results print.
/// </summary>
public sealed class SatisfactionVoteBrowserTests(SqliteSupervisionBrowserApp app) : IClassFixture<SqliteSupervisionBrowserApp>
{
    [Fact]
    public async Task The_office_opens_a_vote_a_member_votes_with_the_keyboard_and_closed_early_after_one_ballot_it_shows_nothing_of_it()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        var adminUser = await Accounts.CreateAsync(app.Factory, "admin");
        var memberUser = await Accounts.CreateAsync(app.Factory, "member");
        var office = await app.NewPersonAsync();
        await SignIn.AsAsync(office, officeUser.UserName!);
        await office.GetByRole(AriaRole.Link, new() { Name = "满意度测评" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "发起测评" }).ClickAsync();

        // Everything is chosen by default; "select all" clears the list, then two units are ticked.
        var selectAll = office.GetByRole(AriaRole.Checkbox, new() { Name = "全选" });
        await Assertions.Expect(selectAll).ToBeCheckedAsync();
        await selectAll.UncheckAsync();
        await Assertions.Expect(office.Locator("input[name=UnitIds]:checked")).ToHaveCountAsync(0);
        await office.GetByRole(AriaRole.Checkbox, new() { Name = "市交通运输局", Exact = true }).CheckAsync();
        await office.GetByRole(AriaRole.Checkbox, new() { Name = "市商务局", Exact = true }).CheckAsync();
        await office.GetByLabel("测评名称").FillAsync("年中满意度测评");
        await office.GetByRole(AriaRole.Button, new() { Name = "发起测评" }).ClickAsync();
        await Assertions.Expect(office.GetByText("测评已发起。")).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByText(new Regex(@"^0 / \d+ 人已投票$"))).ToBeVisibleAsync();

        var member = await app.NewPersonAsync();
        await SignIn.AsAsync(member, memberUser.UserName!);
        await member.GetByRole(AriaRole.Link, new() { Name = "满意度测评" }).ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "去投票" }).ClickAsync();
        await Assertions.Expect(member.Locator("fieldset.ballot-row")).ToHaveCountAsync(2);
        var transport = member.Locator("fieldset.ballot-row").Filter(new() { HasText = "市交通运输局" });
        var commerce = member.Locator("fieldset.ballot-row").Filter(new() { HasText = "市商务局" });
        // The keyboard alone: focus the first choice, the arrow key moves to 基本满意, Tab reaches the comment.
        await transport.GetByRole(AriaRole.Radio, new() { Name = "满意", Exact = true }).FocusAsync();
        await member.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(transport.GetByRole(AriaRole.Radio, new() { Name = "基本满意" })).ToBeCheckedAsync();
        await member.Keyboard.PressAsync("Tab");
        await member.Keyboard.TypeAsync("换乘指引还可更清楚");
        await commerce.GetByRole(AriaRole.Radio, new() { Name = "不满意" }).CheckAsync();
        var shots = Environment.GetEnvironmentVariable("JIAOWANG_SCREENSHOTS");
        if (shots is not null) await member.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-ballot.png"), FullPage = true });
        await member.GetByRole(AriaRole.Button, new() { Name = "提交选票" }).ClickAsync();
        await Assertions.Expect(member.GetByText("您的选票已提交，谢谢！")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("不能再向您")).ToBeVisibleAsync();

        await office.ReloadAsync();
        // Turnout is a count; the member's name is nowhere on the office's page.
        await Assertions.Expect(office.GetByText(new Regex(@"^1 / \d+ 人已投票$"))).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByText(memberUser.UserName!)).ToHaveCountAsync(0);
        // The office asks to close early; the vote stays open until an admin confirms.
        await office.GetByLabel("提前截止理由").FillAsync("常委会会议提前召开");
        await office.GetByRole(AriaRole.Button, new() { Name = "申请提前截止" }).ClickAsync();
        await Assertions.Expect(office.GetByText("等待管理员确认", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Button, new() { Name = "确认提前截止" })).ToHaveCountAsync(0);
        var evaluationUrl = office.Url;

        var admin = await app.NewPersonAsync();
        await SignIn.AsAsync(admin, adminUser.UserName!);
        await admin.GotoAsync(evaluationUrl);
        await Assertions.Expect(admin.GetByText("理由：常委会会议提前召开")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认提前截止" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("投票已截止。")).ToBeVisibleAsync();

        // One ballot is fewer than five: the results page says only that too few voted, and not what the one member wrote.
        await office.ReloadAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "测评结果" }).ClickAsync();
        await Assertions.Expect(office.GetByText("参加投票的委员少于 5 人", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByText("换乘指引还可更清楚")).ToHaveCountAsync(0);
        await Assertions.Expect(office.Locator("table.results")).ToHaveCountAsync(0);
        if (shots is not null)
        {
            await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-too-few.png"), FullPage = true });
            await member.GotoAsync("/evaluations");
            await member.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-mine.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Five_ballots_closed_early_by_office_and_admin_show_their_results_and_print_their_bars()
    {
        // Five members vote and the vote is closed through the API, as scripts do; the results are read in the browser.
        var office = await Accounts.CreateAsync(app.Factory, "office");
        var admin = await Accounts.CreateAsync(app.Factory, "admin");
        var members = new List<string>();
        for (var i = 0; i < 5; i++) members.Add((await Accounts.CreateAsync(app.Factory, "member")).UserName!);
        var playwright = await Playwright.CreateAsync();
        var http = await playwright.APIRequest.NewContextAsync(new() { BaseURL = app.BaseUrl });
        async Task<JsonElement> CallAsync(string user, string method, string url, object? body = null)
        {
            var token = await http.PostAsync("/api/auth/token", new() { DataObject = new { userName = user, password = Accounts.Password } });
            var accessToken = (await token.JsonAsync())!.Value.GetProperty("accessToken").GetString();
            var response = await http.FetchAsync(url, new()
            {
                Method = method, DataObject = body, Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
            });
            Assert.True(response.Ok, $"{method} {url}: {response.Status} {await response.TextAsync()}");
            return response.Status == 204 ? default : (await response.JsonAsync())!.Value;
        }
        var plans = await CallAsync(office.UserName!, "GET", "/api/plans");
        var planId = plans.EnumerateArray().First().GetProperty("id").GetInt32();
        var plan = await CallAsync(office.UserName!, "GET", $"/api/plans/{planId}");
        var units = plan.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("name").GetString() is "市交通运输局" or "市商务局")
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetInt32());
        var opened = await CallAsync(office.UserName!, "POST", "/api/evaluations",
            new { planId, title = "年终满意度测评", closesAt = DateTimeOffset.UtcNow.AddDays(3), unitIds = units.Values.ToList() });
        var id = opened.GetProperty("id").GetInt32();
        foreach (var member in members)
        {
            await CallAsync(member, "POST", $"/api/evaluations/{id}/ballots", new
            {
                answers = new object[]
                {
                    new { unitId = units["市交通运输局"], satisfaction = "satisfied", comment = "换乘指引清楚" },
                    new { unitId = units["市商务局"], satisfaction = "dissatisfied" },
                },
            });
        }
        await CallAsync(office.UserName!, "POST", $"/api/evaluations/{id}/close-request", new { reason = "常委会会议提前召开" });
        await CallAsync(admin.UserName!, "POST", $"/api/evaluations/{id}/close-request/confirm");
        await http.DisposeAsync();
        playwright.Dispose();

        var page = await app.NewPersonAsync();
        await SignIn.AsAsync(page, office.UserName!);
        await page.GotoAsync($"/evaluations/{id}/results");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "市交通运输局" });
        await Assertions.Expect(row).ToContainTextAsync("100.0%");
        await Assertions.Expect(page.GetByText("换乘指引清楚").First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Printed, the bars are still there: 市商务局's five ballots are a full red bar.
        var commerceBar = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "市商务局" }).Locator(".bar span.dissatisfied");
        await Assertions.Expect(commerceBar).ToBeVisibleAsync();
        await Assertions.Expect(commerceBar).ToHaveAttributeAsync("style", "width:100%");
        var shots = Environment.GetEnvironmentVariable("JIAOWANG_SCREENSHOTS");
        if (shots is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-results.png"), FullPage = true });
    }
}
