using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>会签: task 10 (lead 市人才工作局; co-units 市公安局, 市科创局).</summary>
public abstract class CoSigningTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!, talent = null!, police = null!, science = null!;
    int task;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider, services => services.Configure<ReminderOptions>(o => o.Automatic = false));
        office = await app.OfficeAsync();
        talent = (await app.LiaisonAsync("市人才工作局")).Client;
        police = (await app.LiaisonAsync("市公安局")).Client;
        science = (await app.LiaisonAsync("市科创局")).Client;
        task = app.TaskIds[10];
    }

    public async Task DisposeAsync()
    {
        foreach (var c in new[] { office, talent, police, science }) c.Dispose();
        await app.DisposeAsync();
    }

    static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    async Task<int> SubmittedAsync(HttpClient liaison, string text)
    {
        var id = (await Json(await liaison.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = app.Monthly(5).Id, text })))["id"]!.GetValue<int>();
        await Json(await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { }));
        return id;
    }

    int SummaryPeriod => app.Periods.First(p => p.Kind != "monthly").Id;

    [Fact]
    public async Task The_lead_unit_reads_its_co_units_reports_and_the_office_accepts_once_every_co_unit_has_signed()
    {
        var policeReport = await SubmittedAsync(police, "公安局：外籍人才签证便利");
        await SubmittedAsync(science, "科创局：国际人才项目");

        // The lead unit reads a co-unit's report on the task it leads; a co-unit does not read the other's.
        Assert.Contains("签证便利", (await Json(await talent.GetAsync($"/api/reports/{policeReport}")))["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await science.GetAsync($"/api/reports/{policeReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await science.GetAsync($"/api/tasks/{task}/co-reports")).StatusCode);
        var coReports = (await Json(await talent.GetAsync($"/api/tasks/{task}/co-reports"))).AsArray();
        Assert.Equal(2, coReports.Count);

        // Only the lead drafts.
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/tasks/{task}/summaries", new { periodId = SummaryPeriod, text = "越权" })).StatusCode);
        var summary = await Json(await talent.PostAsJsonAsync($"/api/tasks/{task}/summaries", new { periodId = SummaryPeriod, text = "<p>综合各单位：签证便利、国际人才项目</p>" }));
        var id = summary["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/summaries/{id}")).StatusCode);
        var sent = await Json(await talent.PostAsJsonAsync($"/api/summaries/{id}/send", new { }));
        Assert.Equal("signing", sent["state"]!.GetValue<string>());
        var signers = sent["signatures"]!.AsArray().Select(s => s!["unitName"]!.GetValue<string>()).ToList();
        Assert.Contains("市公安局", signers);
        Assert.Contains("市科创局", signers);

        // The office sees it, but cannot accept while a co-unit has not answered.
        Assert.Contains((await Json(await office.GetAsync("/api/summaries?state=signing"))).AsArray(), s => s!["id"]!.GetValue<int>() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/summaries/{id}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await talent.PostAsJsonAsync($"/api/summaries/{id}/sign", new { })).StatusCode);
        await Json(await police.PostAsJsonAsync($"/api/summaries/{id}/sign", new { comment = "同意" }));
        var refused = await science.PostAsJsonAsync($"/api/summaries/{id}/refuse", new { comment = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await Json(await science.PostAsJsonAsync($"/api/summaries/{id}/refuse", new { comment = "项目数字需更新" }));
        var seen = await Json(await office.GetAsync($"/api/summaries/{id}"));
        Assert.Contains(seen["signatures"]!.AsArray(), s => s!["state"]!.GetValue<string>() == "refused" && s["comment"]!.GetValue<string>() == "项目数字需更新");

        // The lead revises: every co-unit is asked again.
        var version = seen["version"]!.GetValue<int>();
        var revised = await Json(await talent.PutAsJsonAsync($"/api/summaries/{id}", new { text = "<p>更新后的项目数字</p>", version }));
        Assert.Equal("draft", revised["state"]!.GetValue<string>());
        await Json(await talent.PostAsJsonAsync($"/api/summaries/{id}/send", new { }));
        await Json(await police.PostAsJsonAsync($"/api/summaries/{id}/sign", new { }));
        await Json(await science.PostAsJsonAsync($"/api/summaries/{id}/sign", new { }));
        var accepted = await Json(await office.PostAsJsonAsync($"/api/summaries/{id}/accept", new { }));
        Assert.Equal("accepted", accepted["state"]!.GetValue<string>());
        Assert.True(accepted["allAnswered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_office_may_override_a_missing_signature_only_with_a_reason_that_is_audited()
    {
        var id = (await Json(await talent.PostAsJsonAsync($"/api/tasks/{task}/summaries", new { periodId = SummaryPeriod, text = "总结" })))["id"]!.GetValue<int>();
        await Json(await talent.PostAsJsonAsync($"/api/summaries/{id}/send", new { }));
        await Json(await police.PostAsJsonAsync($"/api/summaries/{id}/sign", new { }));
        var noReason = await office.PostAsJsonAsync($"/api/summaries/{id}/accept", new { overrideReason = "" });
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        var accepted = await Json(await office.PostAsJsonAsync($"/api/summaries/{id}/accept", new { overrideReason = "科创局已电话确认" }));
        Assert.Equal("科创局已电话确认", accepted["overrideReason"]!.GetValue<string>());
        Assert.Contains("科创局已电话确认", System.Text.RegularExpressions.Regex.Unescape(await office.GetStringAsync("/api/audit?from=2000-01-01&to=2100-01-01")));
        // Too late to sign now.
        Assert.Equal(HttpStatusCode.Conflict, (await science.PostAsJsonAsync($"/api/summaries/{id}/sign", new { })).StatusCode);
    }
}

public sealed class SqliteCoSigningTests() : CoSigningTests(DatabaseProvider.Sqlite);

public sealed class PostgresCoSigningTests() : CoSigningTests(DatabaseProvider.Postgres);
