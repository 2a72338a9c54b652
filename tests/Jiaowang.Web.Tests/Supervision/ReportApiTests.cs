using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>The liaison–office loop through the API, the same on SQLite and PostgreSQL.</summary>
public abstract class ReportApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider);
    public async Task DisposeAsync() => await app.DisposeAsync();

    static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Reporting_periods_follow_the_plans_phases_with_deadlines_on_the_5th()
    {
        Assert.Equal(6, app.Periods.Count(p => p.Kind == "monthly"));
        Assert.Equal(new DateOnly(2026, 5, 5), app.Monthly(4).Deadline);
        Assert.Equal(2, app.Periods.Count(p => p.Kind == "stageSummary"));
        Assert.Single(app.Periods, p => p.Kind == "finalSummary");
    }

    [Fact]
    public async Task The_office_moves_a_deadline_and_a_liaison_cannot()
    {
        using var office = await app.OfficeAsync();
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        var june = app.Monthly(6);

        var moved = await office.PutAsJsonAsync($"/api/periods/{june.Id}", new { deadline = "2026-07-10" });
        var before = await office.PutAsJsonAsync($"/api/periods/{june.Id}", new { deadline = "2026-05-31" });

        Assert.Equal(new DateOnly(2026, 7, 10), (await moved.Content.ReadFromJsonAsync<PeriodItem>())!.Deadline);
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/periods/{june.Id}", new { deadline = "2026-08-01" })).StatusCode);
        var periods = await liaison.GetFromJsonAsync<List<PeriodItem>>($"/api/plans/{app.PlanId}/periods");
        Assert.Equal(new DateOnly(2026, 7, 10), periods!.Single(p => p.Id == june.Id).Deadline);
    }

    [Fact]
    public async Task A_liaison_sees_only_the_tasks_their_unit_leads_or_supports()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");

        var tasks = await liaison.GetFromJsonAsync<List<MyTask>>("/api/me/tasks");

        var task = Assert.Single(tasks!);
        Assert.Equal(5, task.Number);
        Assert.Equal("lead", task.Role);
        // 15 June: the April and May reports are past their deadlines and nothing came in.
        Assert.Equal("behind", task.Status);
    }

    [Fact]
    public async Task Draft_submit_return_revise_resubmit_accept_with_every_version_kept()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        using var office = await app.OfficeAsync();

        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "新开国际航线 2 条" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<ReportItem>())!;
        Assert.Equal(("draft", 1), (draft.State, draft.Version));
        Assert.Equal("<p>新开国际航线 2 条</p>", draft.Text);

        var saved = await (await liaison.PutAsJsonAsync($"/api/reports/{draft.Id}", new { text = "<p>新开国际航线 3 条</p>", version = 1 })).Content.ReadFromJsonAsync<ReportItem>();
        Assert.Equal(2, saved!.Version);
        Assert.Equal(HttpStatusCode.OK, (await liaison.PostAsJsonAsync($"/api/reports/{draft.Id}/submit", new { })).StatusCode);

        var returned = await office.PostAsJsonAsync($"/api/reports/{draft.Id}/return", new { comment = "请补充旅客吞吐量数据" });
        Assert.Equal("returned", (await returned.Content.ReadFromJsonAsync<ReportItem>())!.State);
        var revised = await liaison.PutAsJsonAsync($"/api/reports/{draft.Id}", new { text = "<p>新开国际航线 3 条，旅客 40 万人次</p>", version = 4 });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liaison.PostAsync($"/api/reports/{draft.Id}/submit", null)).StatusCode);
        var accepted = await office.PostAsync($"/api/reports/{draft.Id}/accept", null);
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<ReportItem>())!.State);

        var history = await liaison.GetFromJsonAsync<ReportItem>($"/api/reports/{draft.Id}");
        Assert.Equal(["create", "edit", "submit", "return", "edit", "submit", "accept"], history!.Versions!.Select(v => v.Action));
        Assert.Equal("请补充旅客吞吐量数据", history.Versions![3].Comment);
        Assert.Equal("<p>新开国际航线 2 条</p>", history.Versions[0].Text);
    }

    [Fact]
    public async Task Saving_over_a_newer_version_is_refused_with_409_and_a_clear_message()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        var draft = await (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(4).Id, text = "第一稿" }))
            .Content.ReadFromJsonAsync<ReportItem>();
        Assert.Equal(HttpStatusCode.OK, (await liaison.PutAsJsonAsync($"/api/reports/{draft!.Id}", new { text = "同事的修改", version = 1 })).StatusCode);

        var stale = await liaison.PutAsJsonAsync($"/api/reports/{draft.Id}?culture=en", new { text = "我的修改", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else saved this report", await DetailAsync(stale));
        Assert.Equal("<p>同事的修改</p>", (await liaison.GetFromJsonAsync<ReportItem>($"/api/reports/{draft.Id}"))!.Text);
    }

    [Fact]
    public async Task A_liaison_cannot_touch_another_units_report_nor_review_nor_report_on_a_task_not_theirs()
    {
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var (_, commerce) = await app.LiaisonAsync("市商务局");
        var draft = await (await transport.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(4).Id, text = "草稿" }))
            .Content.ReadFromJsonAsync<ReportItem>();

        Assert.Equal(HttpStatusCode.NotFound, (await commerce.GetAsync($"/api/reports/{draft!.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.PutAsJsonAsync($"/api/reports/{draft.Id}", new { text = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.PostAsync($"/api/reports/{draft.Id}/submit", null)).StatusCode);
        Assert.DoesNotContain(await commerce.GetFromJsonAsync<List<ReportItem>>("/api/reports") ?? [], r => r.Id == draft.Id);
        await transport.PostAsync($"/api/reports/{draft.Id}/submit", null);
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PostAsync($"/api/reports/{draft.Id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PostAsJsonAsync($"/api/reports/{draft.Id}/return", new { comment = "x" })).StatusCode);
        var notTheirs = await commerce.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(4).Id, text = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commerce.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Only_a_submitted_report_can_be_reviewed_and_a_return_needs_a_comment()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        using var office = await app.OfficeAsync();
        var draft = await (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(6).Id, text = "草稿" }))
            .Content.ReadFromJsonAsync<ReportItem>();

        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/reports/{draft!.Id}/accept", null)).StatusCode);
        await liaison.PostAsync($"/api/reports/{draft.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/reports/{draft.Id}/return", new { comment = " " })).StatusCode);
        var queue = await office.GetFromJsonAsync<List<ReportItem>>("/api/reports?state=submitted");
        Assert.Contains(queue!, r => r.Id == draft.Id);
    }

    [Fact]
    public async Task Script_and_javascript_links_are_removed_from_report_text()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");

        var created = await liaison.PostAsJsonAsync("/api/reports", new
        {
            taskId = app.TaskIds[5], periodId = app.Monthly(7).Id,
            text = "<p onclick=\"steal()\">完成</p><script>alert(1)</script><a href=\"javascript:alert(1)\">链接</a><a href=\"https://example.org/\">依据</a>",
        });

        var text = (await created.Content.ReadFromJsonAsync<ReportItem>())!.Text;
        Assert.DoesNotContain("script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", text);
        Assert.Contains("<a href=\"https://example.org/\">依据</a>", text);
    }

    [Fact]
    public async Task A_pdf_is_attached_with_its_sha256_a_disguised_script_is_refused_and_another_unit_cannot_download()
    {
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var (_, commerce) = await app.LiaisonAsync("市商务局");
        var draft = await (await transport.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(8).Id, text = "八月" }))
            .Content.ReadFromJsonAsync<ReportItem>();
        var pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();

        var uploaded = await transport.PostAsync($"/api/reports/{draft!.Id}/attachments?fileName=航线统计.pdf", new ByteArrayContent(pdf));
        var disguised = await transport.PostAsync($"/api/reports/{draft.Id}/attachments?fileName=统计.pdf", new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var item = (await uploaded.Content.ReadFromJsonAsync<AttachmentItem>())!;
        Assert.Equal(("application/pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))), (item.ContentType, item.Sha256));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Equal(pdf, await transport.GetByteArrayAsync($"/api/reports/{draft.Id}/attachments/{item.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.GetAsync($"/api/reports/{draft.Id}/attachments/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.PostAsync($"/api/reports/{draft.Id}/attachments?fileName=x.pdf", new ByteArrayContent(pdf))).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_supervision_endpoints()
    {
        using var anonymous = app.Factory.CreateClient();
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/reports", "/api/reports/{id}/submit", "/api/reports/{id}/return", "/api/me/tasks", "/api/plans/{id}/periods",
                     "/api/targets/{id}/readings", "/api/audit", "/api/audit/verify", "/api/reminders/late" })
        {
            Assert.Contains($"\"{path}\"", openApi);
        }
    }

    [Fact]
    public async Task A_leaders_instruction_on_a_report_is_answered_once_by_that_unit_only()
    {
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var (_, commerce) = await app.LiaisonAsync("市商务局");
        var leaderUser = await Accounts.CreateAsync(app.Factory, "leader");
        using var leader = await Accounts.BearerClientAsync(app.Factory, leaderUser.UserName!);
        using var office = await app.OfficeAsync();
        var report = await (await transport.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(9).Id, text = "九月" }))
            .Content.ReadFromJsonAsync<ReportItem>();

        var written = await leader.PostAsJsonAsync($"/api/reports/{report!.Id}/instructions", new { text = "请加快开通至东南亚新航线" });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/reports/{report.Id}/instructions", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PostAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/instructions", new { text = "x" })).StatusCode);

        var mine = await transport.GetFromJsonAsync<List<InstructionItem>>("/api/instructions");
        var instruction = Assert.Single(mine!);
        Assert.Empty((await commerce.GetFromJsonAsync<List<InstructionItem>>("/api/instructions"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.PostAsJsonAsync($"/api/instructions/{instruction.Id}/answer", new { answer = "x" })).StatusCode);
        var answered = await transport.PostAsJsonAsync($"/api/instructions/{instruction.Id}/answer", new { answer = "已与两家航司签约，8 月开通" });
        Assert.Equal("已与两家航司签约，8 月开通", (await answered.Content.ReadFromJsonAsync<InstructionItem>())!.Answer);
        Assert.Equal(HttpStatusCode.Conflict, (await transport.PostAsJsonAsync($"/api/instructions/{instruction.Id}/answer", new { answer = "改写" })).StatusCode);

        var onTask = await (await leader.PostAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/instructions", new { text = "中欧班列要稳定运营" })).Content.ReadFromJsonAsync<List<InstructionItem>>();
        Assert.Equal(app.UnitIds["市交通运输局"], Assert.Single(onTask!).UnitId);
    }

    [Fact]
    public async Task Without_signing_in_the_supervision_api_answers_401()
    {
        using var anonymous = app.Factory.CreateClient();
        foreach (var url in new[] { "/api/reports", "/api/me/tasks", $"/api/plans/{app.PlanId}/periods", "/api/audit", $"/api/targets/{app.Targets[0].Id}" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        }
    }
}

public sealed class SqliteReportApiTests() : ReportApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresReportApiTests() : ReportApiTests(DatabaseProvider.Postgres);
