using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

public sealed class PartnerNetworkBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_map_draws_the_partner_cities_on_a_canvas_with_counts_beside_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/partners/map?culture=zh-CN");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("友城地图");
        await Assertions.Expect(page.Locator("#partner-map[data-drawn=true] canvas")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // Something was painted: the canvas is not blank.
        var painted = await page.EvaluateAsync<bool>("""
            () => { const c = document.querySelector('#partner-map canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }
            """);
        Assert.True(painted, "the map canvas is blank");
        await Assertions.Expect(page.Locator("table.by-continent")).ToContainTextAsync("欧洲");
    }

    [Fact]
    public async Task In_the_registry_a_person_filters_by_kind_and_opens_a_partner()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/partners?culture=zh-CN");
        await Assertions.Expect(page.Locator("table.partners tbody tr")).ToHaveCountAsync(33);

        await page.GetByLabel("类别").SelectOptionAsync("friendlyExchange");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await Assertions.Expect(page.Locator("table.partners tbody tr")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Link, new() { Name = "旧金山市" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("旧金山市");
    }

    [Fact]
    public async Task The_public_page_shows_the_map_in_English_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/world?culture=en");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wuhan's partner cities");
        await Assertions.Expect(page.Locator("#partner-map[data-drawn=true] canvas")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen");
    }
}
