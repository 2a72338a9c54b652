using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Core.Demo;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>
/// A revised plan document applied to a plan in use (docs/plan-parser.md, "Revisions"): what still exists keeps its
/// reports, readings and instructions; what the revision removes is archived; bad documents change nothing.
/// </summary>
public abstract class PlanRevisionTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    static readonly string Wuhan = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath));

    public async Task InitializeAsync() =>
        app = await SupervisionApp.StartAsync(provider, services => services.Configure<ReminderOptions>(o => o.Automatic = false));

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>Pages take the sign-in cookie; the API a bearer token.</summary>
    async Task<HttpClient> OfficePagesAsync()
    {
        var account = await Accounts.CreateAsync(app.Factory, Roles.Office);
        return await Accounts.CookieClientAsync(app.Factory, account.UserName!);
    }

    static string Edit(string text, string old, string @new)
    {
        Assert.Contains(old, text);
        return text.Replace(old, @new);
    }

    /// <summary>Task 10 reworded, and a target added to the 枢纽 group.</summary>
    static readonly string Revised = Edit(Edit(Wuhan, "优化“武汉英才”计划", "深化“武汉英才”计划,每年引进国际人才 100 名"),
        "武汉港集装箱吞吐量达到 200 万标箱。", "武汉港集装箱吞吐量达到 200 万标箱,国际邮件快件处理量达到 500 万件。");

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "document", "wuhan-revised.txt");
        request.Content = form;
        return await client.SendAsync(request);
    }

    async Task<(int Reports, int Versions, int Readings, int Instructions, int Revisions, string Task10)> CountAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        return (await db.Reports.CountAsync(), await db.ReportVersions.CountAsync(), await db.Readings.CountAsync(), await db.Instructions.CountAsync(),
            await db.PlanRevisions.CountAsync(), await db.Tasks.Where(t => t.Id == app.TaskIds[10]).Select(t => t.Text).SingleAsync());
    }

    [Fact]
    public async Task A_revision_with_one_task_changed_and_one_target_added_keeps_every_report_of_a_demo_year()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await DemoYear.GenerateAsync(scope.ServiceProvider.GetRequiredService<JiaowangDb>(), app.PlanId, 7, new DateOnly(2026, 12, 31),
                password: "Demo-Password-2026", clock: scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }
        var before = await CountAsync();
        Assert.True(before.Reports > 100 && before.Readings > 20 && before.Instructions > 0, $"{before}");
        using var office = await app.OfficeAsync();

        var preview = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions?preview=true", Revised);
        Assert.True(preview.StatusCode == HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        using (var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()))
        {
            Assert.Equal("previewed", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("targets +1 ~0 -0; tasks +0 ~1 -0; units +0 ~0 -0; phases +0 ~0 -0", json.RootElement.GetProperty("summary").GetString());
        }
        Assert.Equal(before, await CountAsync()); // a preview stores nothing

        var applied = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions", Revised);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        var after = await CountAsync();
        Assert.Equal((before.Reports, before.Versions, before.Readings, before.Instructions), (after.Reports, after.Versions, after.Readings, after.Instructions));
        Assert.Equal(1, after.Revisions);
        Assert.Contains("深化“武汉英才”计划,每年引进国际人才 100 名", after.Task10);
        using var plan = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}"));
        var targets = plan.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToList();
        Assert.Equal(20, targets.Count);
        Assert.Contains(targets, t => t.Contains("国际邮件快件处理量达到 500 万件"));
        var tasks = plan.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(app.TaskIds.Values.Order(), tasks.Order()); // same tasks, same ids

        // The same document again is no change, and the history names who revised it.
        using (var again = JsonDocument.Parse(await (await PostAsync(office, $"/api/plans/{app.PlanId}/revisions", Revised)).Content.ReadAsStringAsync()))
            Assert.Equal("noChange", again.RootElement.GetProperty("status").GetString());
        using var pages = await OfficePagesAsync();
        var history = await pages.GetAsync($"/plans/{app.PlanId}/revisions");
        Assert.True(history.StatusCode == HttpStatusCode.OK, await history.Content.ReadAsStringAsync());
        Assert.Contains("targets +1 ~0 -0; tasks +0 ~1 -0", WebUtility.HtmlDecode(await history.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_removed_task_is_archived_with_its_reports_hidden_from_the_plan_and_kept_in_its_history()
    {
        var (_, liaison) = await app.LiaisonAsync("市税务局");
        (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[11], periodId = app.Monthly(5).Id, text = "离境退税商店新增 12 家" })).EnsureSuccessStatusCode();
        var lines = Wuhan.Split('\n').ToList();
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("11. 加快建设国际消费中心城市", StringComparison.Ordinal)));
        var revised = Edit(string.Join('\n', lines), "12. 营造国际化城市生活空间", "11. 营造国际化城市生活空间");
        using var office = await app.OfficeAsync();

        var applied = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions", revised);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        using var plan = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}"));
        var tasks = plan.RootElement.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetInt32(), t => t.GetProperty("number").GetInt32());
        Assert.Equal(11, tasks.Count);
        Assert.DoesNotContain(app.TaskIds[11], tasks.Keys);
        Assert.Equal(11, tasks[app.TaskIds[12]]); // renumbered, the same task
        Assert.Single((await office.GetFromJsonAsync<List<JsonElement>>("/api/reports"))!, r => r.ToString().Contains("离境退税商店新增 12 家"));
        using var pages = await OfficePagesAsync();
        var history = WebUtility.HtmlDecode(await (await pages.GetAsync($"/plans/{app.PlanId}/revisions")).Content.ReadAsStringAsync());
        Assert.Contains("加快建设国际消费中心城市", history);
        Assert.Contains("离境退税商店新增 12 家", history);
    }

    [Fact]
    public async Task Another_citys_plan_or_a_document_that_is_no_plan_is_refused_in_chinese_and_english_and_changes_nothing()
    {
        using var office = await app.OfficeAsync();
        var before = await CountAsync();
        var otherCity = Edit(Edit(Revised, "武政办〔2026〕26号", "成府办〔2026〕26号"), "武汉市人民政府办公厅", "成都市人民政府办公厅");

        var zh = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions", otherCity);
        var en = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions?culture=en", otherCity);
        var prose = await PostAsync(office, $"/api/plans/{app.PlanId}/revisions", "各位同事：\n明天上午开会。\n");

        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        Assert.Contains("成府办〔2026〕26号", await zh.Content.ReadAsStringAsync());
        Assert.Contains("发文机关", await zh.Content.ReadAsStringAsync());
        Assert.Contains("another issuing office", await en.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, prose.StatusCode);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(office, "/api/plans/9999/revisions", Revised)).StatusCode);
    }

    [Fact]
    public async Task The_import_page_previews_a_revised_document_as_a_revision_and_applies_it()
    {
        var account = await Accounts.CreateAsync(app.Factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(app.Factory, account.UserName!);

        async Task<HttpResponseMessage> UploadAsync(string handler, string? planId)
        {
            var page = await client.GetStringAsync("/plans/import");
            var token = Accounts.FormToken(page);
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            if (planId is not null) form.Add(new StringContent(planId), "RevisePlanId");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Revised));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "Document", "wuhan-revised.txt");
            return await client.PostAsync($"/plans/import?handler={handler}", form);
        }

        // Same document number: the preview finds the plan by itself.
        var preview = await (await UploadAsync("Preview", null)).Content.ReadAsStringAsync();
        Assert.Contains("修订预览", preview);
        Assert.Contains("国际邮件快件处理量", preview);
        Assert.Contains("data-change=\"Changed\"", preview);
        Assert.Equal(0, (await CountAsync()).Revisions);

        var applied = await UploadAsync("Revise", app.PlanId.ToString());
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal($"/plans/{app.PlanId}/revisions", applied.Headers.Location!.OriginalString);
        Assert.Contains("深化“武汉英才”计划", (await CountAsync()).Task10);
    }
}

public sealed class SqlitePlanRevisionTests() : PlanRevisionTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanRevisionTests() : PlanRevisionTests(DatabaseProvider.Postgres);
