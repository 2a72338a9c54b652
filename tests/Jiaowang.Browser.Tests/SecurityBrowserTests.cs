using System.Net.Http.Json;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Issue 10, items 3 and 5 in a real browser: a partner name with markup is shown as text in the map's tooltip, and no
/// page trips the Content-Security-Policy (which allows scripts from our own files only).
/// </summary>
public sealed class SecurityBrowserTests(DashboardBrowserApp app) : IClassFixture<DashboardBrowserApp>
{
    const string Markup = "<img src=x onerror=\"window.__xss=1\">";

    /// <summary>A page that records every Content-Security-Policy violation, from before its first script runs.</summary>
    static async Task<(IPage Page, List<string> Console)> WatchedPageAsync(DashboardBrowserApp app)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
            """);
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) console.Add(m.Text); };
        return (page, console);
    }

    static async Task<List<string>> ViolationsAsync(IPage page, List<string> console) =>
        [.. await page.EvaluateAsync<string[]>("() => window.__csp"), .. console];

    [Fact]
    public async Task A_partner_name_with_markup_shows_as_text_in_the_world_maps_tooltip_and_runs_nothing()
    {
        var office = await Accounts.CreateAsync(app.Factory, "office");
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = office.UserName, password = Accounts.Password }))
                .Content.ReadFromJsonAsync<Jiaowang.Web.Features.Accounts.AccountsApi.TokenResponse>();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
            // In the middle of the Pacific, where no other partner sits: the hover finds this one.
            var created = await client.PostAsJsonAsync("/api/partners", new
            {
                cityEn = Markup, cityZh = Markup, country = "FR", kind = "国际友好城市", yearEstablished = 2020, latitude = -5.0, longitude = -140.0,
                source = "test",
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var (page, _) = await WatchedPageAsync(app);
        await page.GotoAsync("/world?culture=zh-CN");
        await Assertions.Expect(page.Locator("#partner-map[data-drawn=true] canvas")).ToHaveCountAsync(1);
        var point = await page.EvaluateAsync<double[]>("""
            () => { const box = document.getElementById('partner-map'); const chart = echarts.getInstanceByDom(box);
                    const [x, y] = chart.convertToPixel({ geoIndex: 0 }, [-140, -5]); const r = box.getBoundingClientRect();
                    return [r.left + x, r.top + y]; }
            """);
        await page.Mouse.MoveAsync((float)point[0] - 20, (float)point[1] - 20);
        await page.Mouse.MoveAsync((float)point[0], (float)point[1], new() { Steps = 5 });

        var tooltip = page.Locator("#partner-map div").Filter(new() { HasText = "onerror" });
        await Assertions.Expect(tooltip.Last).ToBeVisibleAsync();
        await Assertions.Expect(tooltip.Last).ToContainTextAsync(Markup);
        Assert.Equal(0, await page.Locator("#partner-map img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "the partner's name ran as HTML");
        // The name is listed as text on the page too.
        await Assertions.Expect(page.Locator("ul.world-list").GetByText(Markup).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_public_page_and_the_dashboard_run_without_a_content_security_policy_violation()
    {
        var (page, console) = await WatchedPageAsync(app);
        foreach (var path in new[] { "/", "/world", "/partners", "/partners/map", "/partners/calendar", "/events", $"/plans/{app.PlanId}", "/account/login" })
        {
            await page.GotoAsync(path + "?culture=zh-CN");
            if (path.Contains("map") || path == "/world") await Assertions.Expect(page.Locator("#partner-map[data-drawn=true]")).ToHaveCountAsync(1);
            Assert.Empty(await ViolationsAsync(page, console));
        }

        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        await SignIn.AsAsync(page, leader.UserName!);
        await page.GotoAsync("/dashboard?culture=zh-CN");
        await Assertions.Expect(page.Locator("[data-drawn=true]").First).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page, console));

        // The print button works without an inline handler: it is wired by the site script.
        await page.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await page.Locator("button.print-button").ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__printed"));
        Assert.Empty(await ViolationsAsync(page, console));
    }
}
