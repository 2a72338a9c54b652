using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

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

    const string DistrictPlan = """
        某区国际交往中心工作方案

        一、工作目标

        （一）开放合作。新增国际友好交流城市2个。

        二、工作阶段

        （一）动员部署阶段（2026年3月）。制定方案。
        （二）办理落实阶段（2026年4月—9月）。开展工作。

        三、重点任务

        1.深化国际友城合作。一是拓展友城网络。（牵头单位：市委外办；配合单位：市商务局；完成时限：2026年12月底前）
        2.办好国际会展。（牵头单位：市商务局；完成时限：2026年10月底前）
        """;

    [Fact]
    public async Task The_portfolio_lists_every_plan_with_its_phase_and_status_counts_for_office_and_leaders_only_as_each_dashboard_counts_them()
    {
        // A second plan whose reporting periods nobody has opened yet, and some state on the first (a reading, a report
        // submitted late, May's reports overdue) so that the counts are not all zeros.
        var read = Jiaowang.Core.Documents.PlanDocumentReader.Read("区方案.txt", System.Text.Encoding.UTF8.GetBytes(DistrictPlan));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Jiaowang.Web.Features.Plans.PlanImporter>().ImportAsync(read.Plan!, "区方案.txt", read.Text!, replace: false);
        }
        Assert.Equal(HttpStatusCode.Created,
            (await office.PostAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/readings", new { value = 128, asOf = "2026-06-14", source = "市委外办" })).StatusCode);
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var report = await (await transport.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "五月：新开航线 2 条" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await transport.PostAsync($"/api/reports/{report.GetProperty("id").GetInt32()}/submit", null)).StatusCode);

        using var portfolio = JsonDocument.Parse(await office.GetStringAsync("/api/portfolio"));
        var plans = portfolio.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, plans.Count);
        Assert.Equal("某区国际交往中心工作方案", plans[0].GetProperty("title").GetString());
        Assert.Equal(1, plans[0].GetProperty("targets").GetInt32());
        Assert.Equal(2, plans[0].GetProperty("tasks").GetInt32());
        foreach (var row in plans)
        {
            using var dashboard = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{row.GetProperty("id").GetInt32()}/dashboard"));
            var headline = dashboard.RootElement.GetProperty("headline");
            foreach (var field in new[] { "targets", "tasks", "reportsOverdue" })
            {
                Assert.Equal(headline.GetProperty(field).GetInt32(), row.GetProperty(field).GetInt32());
            }
            foreach (var field in new[] { "targetStatuses", "taskStatuses" })
            {
                Assert.Equal(headline.GetProperty(field).ToString(), row.GetProperty(field).ToString());
            }
            Assert.Equal(dashboard.RootElement.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("overdue").GetInt32() > 0),
                row.GetProperty("lateUnits").GetInt32());
            Assert.Equal(dashboard.RootElement.GetProperty("timeProgress").GetDecimal(), row.GetProperty("timeProgress").GetDecimal());
        }

        var plan = await PortfolioPlanAsync();
        Assert.True(plan.GetProperty("reportsOverdue").GetInt32() > 0, "by 15 June the units owe May's reports, and most have not sent them");
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
