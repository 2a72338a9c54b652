using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>延期 and 退办: a unit's own due date moves when the office approves, and only that unit's.</summary>
public abstract class ExtensionTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider, services => services.Configure<ReminderOptions>(o => o.Automatic = false));
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    async Task<int> OverdueAsync(string unit)
    {
        var dashboard = await Json(await office.GetAsync($"/api/plans/{app.PlanId}/dashboard"));
        return dashboard["units"]!.AsArray().Single(u => u!["name"]!.GetValue<string>() == unit)!["overdue"]!.GetValue<int>();
    }

    [Fact]
    public async Task An_approved_extension_moves_the_due_date_of_that_unit_only()
    {
        var (_, talent) = await app.LiaisonAsync("市人才工作局");
        var (_, police) = await app.LiaisonAsync("市公安局");
        var task = app.TaskIds[10];
        var report = (await Json(await talent.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = app.Monthly(5).Id, text = "五月草稿" })))["id"]!.GetValue<int>();
        var talentBefore = await OverdueAsync("市人才工作局");
        var policeBefore = await OverdueAsync("市公安局");

        // Another unit's report is not found; the unit asks for itself.
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostAsJsonAsync("/api/extensions", new { reportId = report, until = "2026-06-30", reason = "代申请" })).StatusCode);
        var early = await talent.PostAsJsonAsync("/api/extensions", new { reportId = report, until = "2026-06-01", reason = "数据未出" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("until", await early.Content.ReadAsStringAsync());
        var asked = await talent.PostAsJsonAsync("/api/extensions", new { reportId = report, until = "2026-06-30", reason = "统计数据月底发布" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await Json(asked))["id"]!.GetValue<int>();
        Assert.Equal("pending", (await Json(asked))["state"]!.GetValue<string>());

        // Nothing moves before the office decides; a liaison cannot decide.
        Assert.Equal(talentBefore, await OverdueAsync("市人才工作局"));
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsJsonAsync($"/api/extensions/{id}/approve", new { })).StatusCode);
        var approved = await Json(await office.PostAsJsonAsync($"/api/extensions/{id}/approve", new { note = "同意" }));
        Assert.Equal("approved", approved["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/extensions/{id}/refuse", new { note = "改主意" })).StatusCode);

        Assert.Equal(talentBefore - 1, await OverdueAsync("市人才工作局"));
        Assert.Equal(policeBefore, await OverdueAsync("市公安局"));
        // The liaison sees its request and the outcome; the other unit sees none of it.
        var mine = (await Json(await talent.GetAsync("/api/extensions"))).AsArray();
        Assert.Equal("approved", Assert.Single(mine)!["state"]!.GetValue<string>());
        Assert.Empty((await Json(await police.GetAsync("/api/extensions"))).AsArray());
        // The period's deadline itself did not move.
        var periods = await Json(await office.GetAsync($"/api/plans/{app.PlanId}/periods"));
        Assert.Equal(app.Monthly(5).Deadline.ToString("yyyy-MM-dd"), periods.AsArray().Single(p => p!["id"]!.GetValue<int>() == app.Monthly(5).Id)!["deadline"]!.GetValue<string>());
        // The audit log has the decision.
        var audit = System.Text.RegularExpressions.Regex.Unescape(await office.GetStringAsync("/api/audit?from=2000-01-01&to=2100-01-01"));
        Assert.Contains("Extension", audit);
    }

    [Fact]
    public async Task A_refusal_says_why_and_a_follow_up_extension_moves_the_follow_up()
    {
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var meeting = await Json(await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "领导小组办公室会议", heldOn = "2026-06-10",
            decisions = new[] { new { text = "落实航线", unitId = app.UnitIds["市交通运输局"], deadline = "2026-06-20" } },
        }));
        var followUp = meeting["decisions"]![0]!["id"]!.GetValue<int>();
        var first = (await Json(await transport.PostAsJsonAsync("/api/extensions", new { followUpId = followUp, until = "2026-07-20", reason = "需协调航司" })))["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Conflict, (await transport.PostAsJsonAsync("/api/extensions", new { followUpId = followUp, until = "2026-07-25", reason = "再次" })).StatusCode);
        var noReason = await office.PostAsJsonAsync($"/api/extensions/{first}/refuse", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("refused", (await Json(await office.PostAsJsonAsync($"/api/extensions/{first}/refuse", new { note = "时间已很充裕" })))["state"]!.GetValue<string>());

        var second = (await Json(await transport.PostAsJsonAsync("/api/extensions", new { followUpId = followUp, until = "2026-07-10", reason = "需协调航司" })))["id"]!.GetValue<int>();
        await Json(await office.PostAsJsonAsync($"/api/extensions/{second}/approve", new { }));
        var item = await Json(await transport.GetAsync($"/api/plans/{app.PlanId}/followups"));
        Assert.Contains("2026-07-10", item.ToJsonString());
        var pending = (await Json(await office.GetAsync("/api/extensions?state=pending"))).AsArray();
        Assert.Empty(pending);
    }

    [Fact]
    public async Task A_unit_returns_a_task_and_the_office_reassigns_it()
    {
        var (_, finance) = await app.LiaisonAsync("武汉金控集团");
        var (_, police) = await app.LiaisonAsync("市公安局");
        var task = app.TaskIds[6];
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostAsJsonAsync("/api/returns", new { taskId = task, reason = "不是我们的" })).StatusCode);
        var asked = await finance.PostAsJsonAsync("/api/returns", new { taskId = task, reason = "口岸通关不属本单位职责" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await Json(asked))["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsJsonAsync($"/api/returns/{id}/reassign", new { toUnitId = app.UnitIds["市投资促进局"] })).StatusCode);
        var done = await Json(await office.PostAsJsonAsync($"/api/returns/{id}/reassign", new { toUnitId = app.UnitIds["市投资促进局"], note = "改由投促局配合" }));
        Assert.Equal("approved", done["state"]!.GetValue<string>());
        Assert.Equal("市投资促进局", done["reassignedToUnitName"]!.GetValue<string>());

        var financeTasks = (await Json(await finance.GetAsync("/api/me/tasks"))).AsArray();
        Assert.DoesNotContain(financeTasks, t => t!["id"]!.GetValue<int>() == task);
        var (_, invest) = await app.LiaisonAsync("市投资促进局");
        Assert.Contains((await Json(await invest.GetAsync("/api/me/tasks"))).AsArray(), t => t!["id"]!.GetValue<int>() == task);
        Assert.Equal("approved", Assert.Single((await Json(await finance.GetAsync("/api/returns"))).AsArray())!["state"]!.GetValue<string>());
    }
}

public sealed class SqliteExtensionTests() : ExtensionTests(DatabaseProvider.Sqlite);

public sealed class PostgresExtensionTests() : ExtensionTests(DatabaseProvider.Postgres);
