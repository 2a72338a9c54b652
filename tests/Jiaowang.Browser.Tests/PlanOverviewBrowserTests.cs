using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

public sealed class PlanOverviewBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_person_opening_the_site_sees_the_plan_and_can_switch_to_English()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("市政协十四届五次会议3号建议案办理工作方案");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作目标" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.targets tbody tr")).ToHaveCountAsync(19);
        await Assertions.Expect(page.GetByText("今天 2026年6月15日")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Targets" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("19 targets · 12 tasks · 31 responsible units")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "中文" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task From_the_overview_a_person_reaches_a_unit_and_one_of_its_tasks()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?culture=zh-CN");

        await page.Locator("a.unit.lead", new() { HasTextString = "市交通运输局" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("市交通运输局");

        await page.GetByRole(AriaRole.Link, new() { Name = "5. 建设国际性综合交通枢纽城市" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("建设国际性综合交通枢纽城市");
        await Assertions.Expect(page.GetByText("做强“中欧班列”品牌", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_overview_fits_the_screen_width()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/?culture=zh-CN");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen");
        await Assertions.Expect(page.Locator(".segment.current")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Printing_leaves_out_the_navigation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/?culture=zh-CN");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".site-head")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
