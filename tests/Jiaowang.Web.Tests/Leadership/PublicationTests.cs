using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Leadership;

/// <summary>
/// The office chooses what anonymous visitors see (values, statuses, upcoming events); the public pages and APIs, cached
/// or not, follow the choice at once, and signed-in users keep seeing everything. The same on SQLite and PostgreSQL.
/// </summary>
public abstract class PublicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;
    int target;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider);
        office = await app.OfficeAsync();
        target = app.TargetId("国际地区航线");
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        (await office.PutAsJsonAsync($"/api/targets/{target}/units", new { unitIds = new[] { app.UnitIds["市交通运输局"] } })).EnsureSuccessStatusCode();
        (await liaison.PostAsJsonAsync($"/api/targets/{target}/readings", new { value = 21, asOf = "2026-06-10", source = "天河机场" })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    async Task PublishAsync(bool values, bool statuses, bool upcomingEvents) =>
        (await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/publication", new { values, statuses, upcomingEvents })).EnsureSuccessStatusCode();

    static JsonElement Target(JsonDocument plan, int id) => plan.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id);

    static int StatusBadges(string html) => Regex.Matches(html, "<span class=\"status (onTrack|atRisk|behind|done)\"").Count;

    [Fact]
    public async Task Anonymous_visitors_see_values_and_statuses_only_while_the_office_publishes_them()
    {
        using var anonymous = app.Factory.CreateClient();
        var unit = app.UnitIds["市交通运输局"];
        // Published by default, and now in the output cache.
        Assert.True(StatusBadges(await anonymous.GetStringAsync("/")) > 0);
        using (var plan = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/plans/{app.PlanId}")))
            Assert.Equal(21, Target(plan, target).GetProperty("current").GetDecimal());

        await PublishAsync(values: false, statuses: false, upcomingEvents: true);

        var overview = await anonymous.GetStringAsync("/");
        Assert.Equal(0, StatusBadges(overview));
        Assert.DoesNotContain(">当前值</th>", overview);
        Assert.Contains("暂不公开", overview);
        Assert.Equal(0, StatusBadges(await anonymous.GetStringAsync($"/plans/{app.PlanId}")));
        Assert.Equal(0, StatusBadges(await anonymous.GetStringAsync($"/units/{unit}")));
        using (var plan = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/plans/{app.PlanId}")))
        {
            Assert.All(plan.RootElement.GetProperty("targets").EnumerateArray(), t =>
            {
                Assert.Equal(JsonValueKind.Null, t.GetProperty("current").ValueKind);
                Assert.Equal(JsonValueKind.Null, t.GetProperty("status").ValueKind);
                Assert.Equal(JsonValueKind.Null, t.GetProperty("statusReason").ValueKind);
            });
        }
        // Signed-in staff see everything; the office previews the public view on request.
        using (var plan = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}")))
        {
            Assert.Equal(21, Target(plan, target).GetProperty("current").GetDecimal());
            Assert.NotEqual(JsonValueKind.Null, Target(plan, target).GetProperty("status").ValueKind);
        }
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        Assert.True(StatusBadges(await browser.GetStringAsync("/")) > 0);
        Assert.Equal(0, StatusBadges(await browser.GetStringAsync($"/plans/{app.PlanId}?view=public")));
        var preview = await browser.GetStringAsync($"/plans/{app.PlanId}/publication");
        Assert.Contains("不公开", preview);
        Assert.Equal(0, StatusBadges(preview));

        // Publishing statuses again shows them at once, the cached pages evicted; values stay private.
        await PublishAsync(values: false, statuses: true, upcomingEvents: true);

        Assert.True(StatusBadges(await anonymous.GetStringAsync("/")) > 0);
        using (var plan = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/plans/{app.PlanId}")))
        {
            Assert.Equal(JsonValueKind.Null, Target(plan, target).GetProperty("current").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, Target(plan, target).GetProperty("status").ValueKind);
            // The reason quotes the value, so it stays private with the value.
            Assert.Equal(JsonValueKind.Null, Target(plan, target).GetProperty("statusReason").ValueKind);
        }
        await PublishAsync(values: true, statuses: true, upcomingEvents: true);
        using (var plan = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/plans/{app.PlanId}")))
            Assert.Equal(21, Target(plan, target).GetProperty("current").GetDecimal());
    }

    [Fact]
    public async Task Events_before_they_happen_are_public_only_when_the_office_says_so()
    {
        var title = $"武汉国际友城合作论坛-{Guid.NewGuid():N}"[..24];
        var created = await office.PostAsJsonAsync("/api/events", new
        {
            category = "conference", title, startsOn = "2026-09-20", endsOn = "2026-09-21", country = (string?)null,
            who = "", level = "国际", hostUnit = "市外办", notes = "", source = "",
        });
        created.EnsureSuccessStatusCode();
        using var anonymous = app.Factory.CreateClient();
        Assert.Contains(title, await anonymous.GetStringAsync("/api/events"));

        await PublishAsync(values: true, statuses: true, upcomingEvents: false);

        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/api/events"));
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/events"));
        Assert.Contains(title, await office.GetStringAsync("/api/events"));
        await PublishAsync(values: true, statuses: true, upcomingEvents: true);
        Assert.Contains(title, await anonymous.GetStringAsync("/api/events"));
    }

    [Fact]
    public async Task Only_the_office_chooses_what_is_public()
    {
        var (_, liaison) = await app.LiaisonAsync("市商务局");
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/plans/{app.PlanId}/publication", new { values = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/plans/{app.PlanId}/publication")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/plans/999999/publication")).StatusCode);
    }
}

public sealed class SqlitePublicationTests() : PublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicationTests() : PublicationTests(DatabaseProvider.Postgres);
