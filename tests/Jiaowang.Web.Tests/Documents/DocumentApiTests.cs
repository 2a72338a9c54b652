using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Tests.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Documents;

/// <summary>The bulletin and the summary through the API, from data written by the domain, on SQLite and PostgreSQL.</summary>
public abstract class DocumentApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider);
        await DocumentsData.FillAsync(app);
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_summary_lists_each_tasks_units_lead_first_with_their_accepted_summaries()
    {
        var response = await office.GetAsync($"/api/plans/{app.PlanId}/summary.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("市政协十四届五次会议3号建议案办理-工作总结-2026-06-15.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeTools.Validate(docx));
        var text = DocumentsData.Text(docx);

        Assert.Contains("市政协十四届五次会议3号建议案办理工作总结", text.Replace("\n", ""));
        var task1 = text[text.IndexOf("1. 着力建设承担国家重大外交外事活动的重要舞台", StringComparison.Ordinal)..text.IndexOf("2. 构建城市国际形象传播体系", StringComparison.Ordinal)];
        Assert.StartsWith("市委外办（牵头）：" + DocumentsData.ForeignAffairsSentence, task1.Split('\n')[1]);
        Assert.Contains("1. 建立工作专班，按月调度；", task1);
        Assert.True(task1.IndexOf("市委外办（牵头）", StringComparison.Ordinal) < task1.IndexOf("市商务局（配合）", StringComparison.Ordinal));
        // No final summary yet: the latest accepted report on the task, with its month; nothing at all: said so.
        Assert.Contains("团市委（配合，2026年5月进展）：团市委组织青年代表参与世界青年发展论坛筹备。", task1);
        Assert.Contains("市贸促会（配合）：尚无审核通过的办理情况。", task1);
        // A unit's summary is printed once; later tasks point back to it.
        Assert.Contains("市商务局（牵头）：办理工作情况总结见第1项。", text);
        Assert.DoesNotContain("<p>", text);
        Assert.DoesNotContain("<strong>", text);
        Assert.Contains("审核退回修改1次", text);
        Assert.DoesNotContain("满意度测评", text);
    }

    [Fact]
    public async Task The_summary_prints_the_assessment_ranked_with_the_offices_weights_and_what_cost_each_unit_points()
    {
        (await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/assessment/weights", new
            { reportsOnTime = 50, acceptedFirstTime = 10, noExtensions = 0, followUpsClosed = 10, instructionsAnswered = 10, noticesAnsweredInTime = 10, satisfaction = 10 }))
            .EnsureSuccessStatusCode();
        var result = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}/assessment")).RootElement;
        var units = result.GetProperty("units").EnumerateArray().ToList();

        var lines = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/summary.docx")).Split('\n').ToList();
        var section = lines.IndexOf("四、结果考评情况");
        Assert.True(section > lines.IndexOf("三、督办情况"), "the assessment follows the supervision part");
        Assert.Contains("按时报送50分、一次通过10分、督办事项办结10分、批示回复10分、督办单按时答复10分、满意度10分，满分100分", lines[section + 1]);
        Assert.DoesNotContain("未申请延期", lines[section + 1]);
        Assert.Equal(["名次", "单位", "得分", "失分说明"], lines.Skip(section + 2).Take(4));
        // Every unit in the API's order, with its rank, score and the points it lost.
        var table = lines.Skip(section + 6).Take(units.Count * 4).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            Assert.Equal(units[i].GetProperty("rank").GetInt32().ToString(), table[i * 4]);
            Assert.Equal(units[i].GetProperty("unitName").GetString(), table[i * 4 + 1]);
            Assert.Equal(units[i].GetProperty("score").GetDecimal(), decimal.Parse(table[i * 4 + 2], System.Globalization.CultureInfo.InvariantCulture));
        }
        // A unit that owes reports it has not sent is told what that cost it.
        var late = units.First(u => u.GetProperty("items").EnumerateArray()
            .Any(c => c.GetProperty("code").GetString() == "reportsOnTime" && c.GetProperty("good").GetInt32() < c.GetProperty("of").GetInt32()));
        var row = table.IndexOf(late.GetProperty("unitName").GetString()!);
        Assert.Matches(@"^按时报送扣[\d.]+分（\d+项中\d+项达标）", table[row + 2]);
        Assert.Contains(table, l => l == "未失分" || l.Contains("扣"));
    }

    [Fact]
    public async Task The_summary_has_the_targets_table_with_values_and_completion_ratios()
    {
        var text = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/summary.docx"));

        var rows = text.Split('\n').ToList();
        var friendship = rows.IndexOf("国际友城和友好交流城市数量");
        Assert.True(friendship > 0, "the friendship-city target is in the table");
        // Target 129 个, reading 129 (factor 1.0 for the first target): done.
        Assert.Equal(["129个", "129个", "100.0%", "已完成"], rows.Skip(friendship + 1).Take(4));
        Assert.Contains("完成率", rows);
    }

    [Fact]
    public async Task The_bulletin_shows_what_was_accepted_in_its_dates_and_who_is_still_overdue()
    {
        var response = await office.GetAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-06-01&to=2026-06-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("市政协十四届五次会议3号建议案办理-工作通报-2026-06-01-2026-06-15.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeTools.Validate(docx));
        var text = DocumentsData.Text(docx);
        Assert.Contains("（2026年6月1日—2026年6月15日）", text);
        // May reports were accepted on 8 and 9 June; April's on 8 May fall outside.
        Assert.Contains("市委外办（牵头，2026年5月）：市委外办5月份推进第1项任务，完成阶段目标。", text);
        Assert.DoesNotContain("4月份围绕", text);
        // Accepted at 07:00 on 1 June in Wuhan: in the bulletin from 1 June, although it was still 31 May in UTC.
        Assert.Contains("团市委（配合，2026年5月）", text);
        Assert.Contains("退回修改0次", text);
        Assert.Contains("家单位逾期未报：", text);
        Assert.Contains("市贸促会（", text[text.IndexOf("三、督办情况", StringComparison.Ordinal)..]);

        var april = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-05-01&to=2026-05-31"));
        Assert.Contains("市交通运输局（牵头，2026年4月）", april);
        Assert.Contains("退回修改1次", april);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-06-30", "from", "2026-13-01")]
    [InlineData("from=2026-06-30&to=2026-06-01", "to", "早于开始日期")]
    [InlineData("from=yesterday", "from", "yyyy-MM-dd")]
    public async Task Bad_or_reversed_dates_are_refused_with_the_field_named(string query, string field, string said)
    {
        var response = await office.GetAsync($"/api/plans/{app.PlanId}/bulletin.docx?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(said, problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Date_errors_speak_English_on_request()
    {
        var response = await office.GetAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-06-30&to=2026-06-01&culture=en");

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The end date (1 Jun 2026) falls before the start date (30 Jun 2026); swap them or choose again.",
            problem.RootElement.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task The_plan_page_offers_the_documents_to_leaders_and_not_to_liaisons()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        var liaison = await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局");
        using var leaderClient = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
        using var liaisonClient = await Accounts.CookieClientAsync(app.Factory, liaison.UserName!);

        var page = await leaderClient.GetStringAsync($"/plans/{app.PlanId}");
        var english = await leaderClient.GetStringAsync($"/plans/{app.PlanId}?culture=en");

        Assert.Contains($"action=\"/api/plans/{app.PlanId}/bulletin.docx\"", page);
        Assert.Contains($"href=\"/api/plans/{app.PlanId}/summary.docx\"", page);
        Assert.Contains("下载办理工作总结（Word）", page);
        Assert.Contains("Download final summary (Word)", english);
        Assert.DoesNotContain("summary.docx", await liaisonClient.GetStringAsync($"/plans/{app.PlanId}"));
    }

    [Fact]
    public async Task Liaisons_and_strangers_cannot_download_the_documents_and_leaders_can()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        using var leaderClient = await Accounts.BearerClientAsync(app.Factory, leader.UserName!);

        foreach (var url in new[] { $"/api/plans/{app.PlanId}/summary.docx", $"/api/plans/{app.PlanId}/bulletin.docx" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await leaderClient.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await leaderClient.GetAsync("/api/plans/9999/summary.docx")).StatusCode);
    }
}

public sealed class SqliteDocumentApiTests() : DocumentApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresDocumentApiTests() : DocumentApiTests(DatabaseProvider.Postgres);
