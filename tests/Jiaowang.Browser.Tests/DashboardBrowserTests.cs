using System.Text.RegularExpressions;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>The leaders' dashboard in Chromium: every chart drawn, no script error, usable on a phone, links that lead somewhere.</summary>
public sealed class DashboardBrowserTests(DashboardBrowserApp app) : IClassFixture<DashboardBrowserApp>
{
    async Task<IPage> SignedInLeaderAsync(int width = 1280, int height = 900)
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        var page = await app.NewPageAsync(width, height);
        await SignIn.AsAsync(page, leader.UserName!);
        return page;
    }

    /// <summary>Collects console errors and uncaught exceptions from the moment it is called.</summary>
    static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Waits until every chart container has been painted by ECharts, and checks each holds a non-empty SVG.</summary>
    static async Task<int> ExpectChartsDrawnAsync(IPage page)
    {
        var charts = page.Locator("[data-chart]");
        var count = await charts.CountAsync();
        await Assertions.Expect(page.Locator("[data-chart][data-drawn=true]")).ToHaveCountAsync(count, new() { Timeout = 60_000 });
        var empty = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-chart]')]
                .filter(c => { const svg = c.querySelector('svg'); return !svg || svg.querySelectorAll('path, text').length < 3 || svg.getBoundingClientRect().width < 50; })
                .map(c => c.getAttribute('aria-label'))
            """);
        Assert.Empty(empty);
        return count;
    }

    [Fact]
    public async Task A_leader_sees_every_chart_drawn_without_errors_and_the_screenshot_goes_in_the_readme()
    {
        var page = await SignedInLeaderAsync();
        var errors = Errors(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "驾驶舱" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("领导驾驶舱", new() { Timeout = 60_000 });  // the first view builds the model: slow on a busy machine
        var charts = await ExpectChartsDrawnAsync(page);
        var targets = await page.Locator("li.target-bar").CountAsync();
        Assert.Equal(targets + 1, charts);  // one trend per target, and the status summary
        Assert.Equal(19, targets);
        Assert.Empty(errors);

        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryRoot(), "docs", "images", "dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task The_league_table_sorts_and_every_row_and_matrix_cell_leads_to_its_unit_or_report()
    {
        var page = await SignedInLeaderAsync();
        await page.GotoAsync("/dashboard?culture=zh-CN");
        var firstUnit = page.Locator("table.league.sortable tbody tr").First.Locator("th a");

        await page.Locator("table.league.sortable th").Filter(new() { HasText = "责任单位" }).GetByRole(AriaRole.Button).ClickAsync();
        var names = await page.Locator("table.league.sortable tbody th a").AllInnerTextsAsync();
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList(), names.ToList());

        var unitName = await firstUnit.InnerTextAsync();
        await firstUnit.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(unitName, new() { Timeout = 60_000 });

        await page.GoBackAsync();
        var cell = page.Locator("table.matrix a.cell-link[href^='/work/reports/']").First;
        await cell.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/work/reports/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("月", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task On_a_phone_the_page_is_one_column_the_matrix_scrolls_sideways_with_tasks_held_in_place()
    {
        var page = await SignedInLeaderAsync(390, 844);
        var errors = Errors(page);
        await page.GotoAsync("/dashboard?culture=en");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leaders' dashboard", new() { Timeout = 60_000 });
        await ExpectChartsDrawnAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.matrix-wrap, .table-wrap'))
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px phone screen: {string.Join(", ", wide)}");
        var trendColumns = await page.EvaluateAsync<int>("() => getComputedStyle(document.querySelector('.trend-grid')).gridTemplateColumns.split(' ').length");
        Assert.Equal(1, trendColumns);

        var wrap = page.Locator(".matrix-wrap");
        Assert.True(await wrap.EvaluateAsync<bool>("w => w.scrollWidth > w.clientWidth"), "the matrix should scroll inside its box");
        var before = await page.Locator("table.matrix tbody th.task-col").First.BoundingBoxAsync();
        await wrap.EvaluateAsync("w => w.scrollLeft = 400");
        var after = await page.Locator("table.matrix tbody th.task-col").First.BoundingBoxAsync();
        Assert.Equal(before!.X, after!.X, 1);
        Assert.Empty(errors);
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jiaowang.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Jiaowang.sln not found above " + AppContext.BaseDirectory);
    }
}
