using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Targets;

/// <summary>Plans side by side (<c>GET /api/portfolio</c>) and the plan lifecycle: a closed plan is read-only and its leading group dissolved.</summary>
public abstract class PortfolioTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider);
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    async Task<JsonElement> PortfolioPlanAsync()
    {
        using var json = JsonDocument.Parse(await office.GetStringAsync("/api/portfolio"));
        return json.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == app.PlanId).Clone();
    }

    [Fact]
    public async Task The_portfolio_lists_every_plan_with_its_phase_and_status_counts_for_office_and_leaders_only()
    {
        var plan = await PortfolioPlanAsync();
        Assert.Equal("active", plan.GetProperty("lifecycle").GetString());
        Assert.Equal(19, plan.GetProperty("targets").GetInt32());
        Assert.Equal(19, plan.GetProperty("targetStatuses").EnumerateObject().Sum(s => s.Value.GetInt32()));
        Assert.Equal(plan.GetProperty("tasks").GetInt32(), plan.GetProperty("taskStatuses").EnumerateObject().Sum(s => s.Value.GetInt32()));
        Assert.True(plan.GetProperty("tasks").GetInt32() > 0);
        // 15 June 2026 falls in the plan's implementation phase.
        Assert.NotNull(plan.GetProperty("phase").GetString());
        Assert.True(plan.GetProperty("lateUnits").GetInt32() >= 0);

        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        using var leaderClient = await Accounts.BearerClientAsync(app.Factory, leader.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await leaderClient.GetAsync("/api/portfolio")).StatusCode);
        var (_, liaison) = await app.LiaisonAsync("市商务局");
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/portfolio")).StatusCode);
    }

    [Fact]
    public async Task A_closed_plan_takes_no_readings_or_reports_and_its_leading_group_is_dissolved()
    {
        var added = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/leading-group",
            new { name = "张副市长", post = "head", title = "市政府副市长", unitId = (int?)null, userName = (string?)null });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var closed = await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/lifecycle", new { state = "closed" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using (var json = JsonDocument.Parse(await closed.Content.ReadAsStringAsync()))
        {
            Assert.Equal("closed", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("leadingGroupDissolved").GetInt32());
        }
        Assert.Equal("closed", (await PortfolioPlanAsync()).GetProperty("lifecycle").GetString());
        Assert.DoesNotContain("张副市长", await office.GetStringAsync($"/api/plans/{app.PlanId}/leading-group"));

        var reading = await office.PostAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/readings", new { value = 128, asOf = "2026-06-14", source = "市委外办" });
        Assert.Equal(HttpStatusCode.Conflict, reading.StatusCode);
        Assert.Contains("已关闭", await reading.Content.ReadAsStringAsync());
        var rule = await office.PutAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/rule", new { kind = "level", baseline = 127 });
        Assert.Equal(HttpStatusCode.Conflict, rule.StatusCode);

        // Forward only: a closed plan is not reopened.
        var reopen = await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/lifecycle", new { state = "active" });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        var unknown = await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/lifecycle", new { state = "paused" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var audit = JsonDocument.Parse(await office.GetStringAsync("/api/audit"));
        Assert.Contains(audit.RootElement.EnumerateArray(), e => e.GetProperty("entity").GetString() == "LeadingGroupMember" && e.GetProperty("action").GetString() == "dissolve");
    }
}

public sealed class SqlitePortfolioTests() : PortfolioTests(DatabaseProvider.Sqlite);

public sealed class PostgresPortfolioTests() : PortfolioTests(DatabaseProvider.Postgres);
