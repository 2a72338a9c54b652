using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Jiaowang.Web.Features.Network;

namespace Jiaowang.Web.Tests.Network;

public sealed class PartnerApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task The_shipped_real_list_is_loaded_on_first_start_with_its_sources()
    {
        using var client = app.Client();
        var all = (await client.GetFromJsonAsync<List<PartnerItem>>("/api/partners"))!;

        Assert.Equal(33, all.Count);
        Assert.All(all, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        Assert.All(all, p => Assert.False(p.IsDemo));
        var arnhem = all.Single(p => p.NameEn == "Arnhem");
        Assert.Equal(("ended", new DateOnly(2021, 7, 22)), (arnhem.Status, arnhem.EndedOn));
        var oita = all.Single(p => p.NameEn == "Oita");
        Assert.Equal(("大分市", "Japan", "日本", "Asia", "sisterCity", new DateOnly(1979, 9, 7)), (oita.NameZh, oita.CountryEn, oita.CountryZh, oita.Continent, oita.Kind, oita.EstablishedOn));
    }

    [Theory]
    [InlineData("?kind=国际友好城市", 28)]
    [InlineData("?kind=friendlyExchange", 5)]
    [InlineData("?country=France", 2)]
    [InlineData("?country=FR", 2)]
    [InlineData("?q=匹兹堡", 1)]
    [InlineData("?q=united%20kingdom", 2)]
    [InlineData("?kind=国际友好城市&status=active", 27)]
    public async Task Partners_filter_by_kind_country_and_text(string query, int expected)
    {
        using var client = app.Client();
        Assert.Equal(expected, (await client.GetFromJsonAsync<List<PartnerItem>>("/api/partners" + query))!.Count);
    }

    [Fact]
    public async Task A_partner_detail_has_its_history_hidden_from_anonymous_readers()
    {
        using var client = app.Client();
        var pittsburgh = (await client.GetFromJsonAsync<List<PartnerItem>>("/api/partners?q=Pittsburgh"))!.Single();
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/partners/{pittsburgh.Id}"));
        Assert.Equal("Pittsburgh", detail.RootElement.GetProperty("partner").GetProperty("nameEn").GetString());
        Assert.Equal(0, detail.RootElement.GetProperty("changes").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/partners/987654")).StatusCode);
    }

    [Fact]
    public async Task Counts_by_continent_and_country_leave_out_ended_partners()
    {
        using var client = app.Client();
        var counts = (await client.GetFromJsonAsync<NetworkCounts>("/api/partners/counts"))!;
        Assert.Equal((32, 27, 5, 1), (counts.Active, counts.SisterCities, counts.FriendlyExchange, counts.Ended));
        Assert.Equal(32, counts.ByContinent.Sum(c => c.Count));
        Assert.DoesNotContain(counts.ByCountry, c => c.Key == "NL");
        Assert.Equal(2, counts.ByCountry.Single(c => c.Key == "US").Count); // Pittsburgh, San Francisco
    }

    [Fact]
    public async Task The_anniversary_feed_is_valid_icalendar_listing_the_next_twelve_months()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/calendar/anniversaries.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);

        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var events = calendar.Events.Select(e => (Day: DateOnly.FromDateTime(e.DtStart!.Value), e.Summary!)).ToList();

        var today = DateOnly.FromDateTime(JiaowangFactory.Today.DateTime);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.InRange(e.Day, today, today.AddYears(1).AddDays(-1)));
        Assert.Contains((new DateOnly(2026, 7, 15), "武汉与伊热夫斯克结好 10 周年 · 10th anniversary of Wuhan–Izhevsk partnership"), events);
        Assert.Contains(events, e => e.Day == new DateOnly(2026, 8, 4) && e.Item2.StartsWith("中国与土耳其建交 55 周年"));
        // Arnhem ended its link: the Netherlands' relations anniversary is not the registry's business then.
        Assert.DoesNotContain(events, e => e.Item2.Contains("荷兰"));
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Events_filter_by_category_and_an_unknown_category_is_a_problem()
    {
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events?category=exhibition&from=2026-01-01&to=2026-12-31")).StatusCode);
        var bad = await client.GetAsync("/api/events?category=party");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }
}
