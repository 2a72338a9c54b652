using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>The satisfaction vote in Chromium: the office opens it, a member votes from the keyboard, the results print.</summary>
public sealed class SatisfactionVoteBrowserTests(SqliteSupervisionBrowserApp app) : IClassFixture<SqliteSupervisionBrowserApp>
{
    static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login?culture=zh-CN");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task The_office_opens_a_vote_on_two_units_a_member_votes_with_the_keyboard_and_the_results_show_after_the_close()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        var memberUser = await Accounts.CreateAsync(app.Factory, "member");
        var office = await app.NewPersonAsync();
        await SignInAsync(office, officeUser.UserName!);
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
        await Assertions.Expect(office.GetByText("0 / 1 人已投票")).ToBeVisibleAsync();

        var member = await app.NewPersonAsync();
        await SignInAsync(member, memberUser.UserName!);
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
        await Assertions.Expect(office.GetByText("1 / 1 人已投票")).ToBeVisibleAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "提前截止投票" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "测评结果" }).ClickAsync();
        var row = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "市交通运输局" });
        await Assertions.Expect(row).ToContainTextAsync("100.0%");
        await Assertions.Expect(office.GetByText("换乘指引还可更清楚")).ToBeVisibleAsync();
        await office.EmulateMediaAsync(new() { Media = Media.Print });
        // Printed, the bars are still there: 市商务局's one ballot is a full red bar.
        var commerceBar = office.GetByRole(AriaRole.Row).Filter(new() { HasText = "市商务局" }).Locator(".bar span.dissatisfied");
        await Assertions.Expect(commerceBar).ToBeVisibleAsync();
        await Assertions.Expect(commerceBar).ToHaveAttributeAsync("style", "width:100%");
        if (shots is not null)
        {
            await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-results.png"), FullPage = true });
            await member.GotoAsync("/evaluations");
            await member.ScreenshotAsync(new() { Path = Path.Combine(shots, "vote-mine.png"), FullPage = true });
        }
    }
}
