using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Issue 12 items 2 and 3 in Chromium: the lead unit of task 10 (市人才工作局) reads its co-units' reports and drafts the
/// summary beside them, every co-unit signs before the office accepts; a unit's extension is approved and only its own
/// deadline moves; a co-unit cannot read the other co-unit's report.
/// </summary>
public abstract class CoSigningBrowserTests(SupervisionBrowserApp app)
{
    async Task<(IPage Page, HttpClient Api)> PersonAsync(string role, string? unit = null)
    {
        var account = await Accounts.CreateAsync(app.Factory, role, unit);
        var page = await app.NewPersonAsync();
        await SignIn.AsAsync(page, account.UserName!);
        // The app is served on a loopback port for the browser: the API client goes there too.
        var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/auth/token", new { userName = account.UserName, password = Accounts.Password })).Content.ReadFromJsonAsync<JsonNode>();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!["accessToken"]!.GetValue<string>());
        return (page, api);
    }

    static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task The_lead_unit_drafts_from_its_co_units_reports_every_co_unit_signs_and_the_office_accepts_and_an_extension_moves_one_deadline()
    {
        var (office, officeApi) = await PersonAsync("office");
        var (talent, talentApi) = await PersonAsync("liaison", "市人才工作局");
        var (police, policeApi) = await PersonAsync("liaison", "市公安局");
        var (science, scienceApi) = await PersonAsync("liaison", "市科创局");
        var planId = JsonNode.Parse(await officeApi.GetStringAsync("/api/plans"))!.AsArray()[0]!["id"]!.GetValue<int>();
        var planJson = JsonNode.Parse(await officeApi.GetStringAsync($"/api/plans/{planId}"))!;
        var task = planJson["tasks"]!.AsArray().Single(t => t!["number"]!.GetValue<int>() == 10)!["id"]!.GetValue<int>();
        var periods = JsonNode.Parse(await officeApi.GetStringAsync($"/api/plans/{planId}/periods"))!.AsArray();
        var may = periods.Single(x => x!["kind"]!.GetValue<string>() == "monthly" && x["start"]!.GetValue<string>().StartsWith("2026-05"))!["id"]!.GetValue<int>();

        // The co-units send their May reports on the task.
        var policeReport = 0;
        foreach (var (api, text) in new[] { (policeApi, "公安局：外籍人才签证便利 12 项"), (scienceApi, "科创局：国际人才项目 5 个") })
        {
            var id = (await Json(await api.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = may, text })))["id"]!.GetValue<int>();
            await Json(await api.PostAsJsonAsync($"/api/reports/{id}/submit", new { }));
            if (api == policeApi) policeReport = id;
        }

        // A co-unit does not read the other's report; the lead unit does.
        var denied = await science.GotoAsync($"/work/reports/{policeReport}");
        Assert.Equal(404, denied!.Status);
        Assert.Equal(404, (int)(await scienceApi.GetAsync($"/api/reports/{policeReport}")).StatusCode);
        await talent.GotoAsync($"/work/reports/{policeReport}");
        await Assertions.Expect(talent.GetByText("外籍人才签证便利 12 项")).ToBeVisibleAsync();

        // The lead drafts the summary with the co-units' reports beside the editor and sends it.
        await talent.GotoAsync("/work/summaries");
        await talent.GetByRole(AriaRole.Link, new() { Name = "10. " }).First.ClickAsync();
        var beside = talent.Locator("section.co-reports");
        await Assertions.Expect(beside).ToContainTextAsync("外籍人才签证便利 12 项");
        await Assertions.Expect(beside).ToContainTextAsync("国际人才项目 5 个");
        await RichEditors.FillAsync(talent, "总结内容", "综合：签证便利 12 项，国际人才项目 5 个。");
        await talent.GetByRole(AriaRole.Button, new() { Name = "送配合单位会签" }).ClickAsync();
        await Assertions.Expect(talent.Locator("strong.summary-state")).ToHaveTextAsync("会签中");
        var summaryUrl = new Uri(talent.Url).AbsolutePath;

        // The office sees it but cannot accept while a co-unit has not answered.
        await office.GotoAsync(summaryUrl);
        await Assertions.Expect(office.Locator("tr.signature.pending")).ToHaveCountAsync(2);
        await office.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Alert)).ToContainTextAsync("未会签");

        foreach (var signer in new[] { police, science })
        {
            await signer.GotoAsync(summaryUrl);
            await Assertions.Expect(signer.GetByText("签证便利 12 项")).ToBeVisibleAsync();
            await signer.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
            await Assertions.Expect(signer.Locator("tr.signature.signed")).Not.ToHaveCountAsync(0);
        }
        await office.GotoAsync(summaryUrl);
        await Assertions.Expect(office.Locator("tr.signature.signed")).ToHaveCountAsync(2);
        await office.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(office.Locator("strong.summary-state")).ToHaveTextAsync("已通过");

        // 市人才工作局 asks for more time for its own May report; the office approves; only its deadline moves.
        var draft = (await Json(await talentApi.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = may, text = "五月草稿" })))["id"]!.GetValue<int>();
        await talent.GotoAsync("/work/requests");
        await talent.GetByLabel("事项").SelectOptionAsync(draft.ToString());
        await talent.GetByLabel("申请延期至").FillAsync("2026-06-30");
        await talent.GetByRole(AriaRole.Region, new() { Name = "延期申请" }).GetByLabel("理由").FillAsync("统计数据月底发布");
        await talent.GetByRole(AriaRole.Region, new() { Name = "延期申请" }).GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(talent.GetByText("申请已提交")).ToBeVisibleAsync();

        await office.GotoAsync("/office/requests");
        var row = office.Locator("tr.request.pending").Filter(new() { HasText = "市人才工作局" });
        await row.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByText("已处理。")).ToBeVisibleAsync();

        await talent.GotoAsync("/work");
        var mayRow = talent.GetByRole(AriaRole.Row).Filter(new() { HasText = "月报 2026年5月" }).Filter(new() { HasText = "10." });
        await Assertions.Expect(mayRow).ToContainTextAsync("延期至");
        await Assertions.Expect(mayRow.Locator("strong.late")).ToHaveCountAsync(0);
        // Another unit of the same period is still late.
        var (commerce, _) = await PersonAsync("liaison", "市商务局");
        await commerce.GotoAsync("/work");
        await Assertions.Expect(commerce.GetByRole(AriaRole.Row).Filter(new() { HasText = "月报 2026年5月" }).Locator("strong.late").First).ToBeVisibleAsync();

        // A liaison cannot approve.
        var pending = await talentApi.PostAsJsonAsync("/api/extensions/1/approve", new { });
        Assert.Equal(403, (int)pending.StatusCode);
    }
}

public sealed class SqliteCoSigningBrowserTests(SqliteSupervisionBrowserApp app)
    : CoSigningBrowserTests(app), IClassFixture<SqliteSupervisionBrowserApp>;

public sealed class PostgresCoSigningBrowserTests(PostgresSupervisionBrowserApp app)
    : CoSigningBrowserTests(app), IClassFixture<PostgresSupervisionBrowserApp>;
