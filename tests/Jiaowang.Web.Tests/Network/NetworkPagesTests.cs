using System.Net;
using System.Text.RegularExpressions;

namespace Jiaowang.Web.Tests.Network;

public sealed class NetworkPagesTests(SeededApp app) : IClassFixture<SeededApp>
{
    static int Rows(string html) => Regex.Matches(html, "<tr class=\"(active|ended)\">").Count;

    [Fact]
    public async Task The_registry_lists_the_real_partners_in_Chinese_and_filters_by_kind_and_text()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/partners");
        Assert.Contains("<h1>友城名录</h1>", html);
        Assert.Contains("匹兹堡市", html);
        Assert.Contains("共 33 个", html);
        Assert.Equal(33, Rows(html));

        Assert.Equal(5, Rows(await client.GetStringAsync("/partners?kind=friendlyExchange")));
        Assert.Equal(1, Rows(await client.GetStringAsync("/partners?q=Bordeaux")));
        Assert.Contains("没有符合条件的友城", await client.GetStringAsync("/partners?q=Atlantis"));
    }

    [Fact]
    public async Task The_public_page_needs_no_sign_in_and_speaks_English_on_request()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/world?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<h1>Wuhan(&#x27;|')s partner cities</h1>", html);
        Assert.Contains("32 active partners", html);
        Assert.Contains("Pittsburgh", html);
        Assert.DoesNotContain(">Arnhem<", html);
        Assert.Matches("<script src=\"/lib/echarts/echarts\\.min[^\"]*\\.js\">", html);
    }

    [Fact]
    public async Task A_partner_page_shows_its_facts_and_source()
    {
        using var client = app.Client();
        var list = await client.GetStringAsync("/partners?q=Oita");
        var href = Regex.Match(list, "href=\"(/partners/\\d+)\"").Groups[1].Value;
        var html = await client.GetStringAsync(href);
        Assert.Contains("大分市", html);
        Assert.Contains("1979年9月7日", html);
        Assert.Contains("wh-china.com", html);
        Assert.Contains("尚未登记基层结对", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/partners/987654")).StatusCode);
    }

    [Fact]
    public async Task The_map_page_counts_by_continent_and_the_calendar_links_its_feed()
    {
        using var client = app.Client();
        var map = await client.GetStringAsync("/partners/map");
        Assert.Contains("有效友城 32 个", map);
        Assert.Contains("欧洲", map);

        var calendar = await client.GetStringAsync("/partners/calendar");
        Assert.Contains("href=\"/calendar/anniversaries.ics\"", calendar);
        Assert.Contains("武汉与伊热夫斯克结好 10 周年", calendar);

        var events = await client.GetStringAsync("/events?category=exhibition");
        Assert.Contains("没有符合条件的活动", events);
    }

    [Fact]
    public async Task The_world_map_asset_is_served_from_the_app()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/lib/echarts/world.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"type\":\"FeatureCollection\"", await response.Content.ReadAsStringAsync());
    }
}
