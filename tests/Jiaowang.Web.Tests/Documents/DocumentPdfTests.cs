using System.Text.RegularExpressions;
using Jiaowang.Core.Evaluations;
using Jiaowang.Tests.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Documents;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Tests.Documents;

/// <summary>
/// The generated documents opened by real office software: LibreOffice converts them to PDF, poppler reads the PDF back.
/// The page images are left in /tmp/jiaowang-documents to look at.
/// </summary>
public sealed class DocumentPdfTests : IAsyncLifetime
{
    SupervisionApp app = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
        await DocumentsData.FillAsync(app);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    static async Task AssertOfficialLayoutAsync(string pdf)
    {
        Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", await OfficeTools.InfoAsync(pdf));
        var fonts = await OfficeTools.FontsAsync(pdf);
        // The official faces resolved to the installed Noto CJK ones and embedded; no Chinese left to a last-resort font.
        Assert.Matches(new Regex(@"NotoSerifCJK\S*-Regular\S*\s.*\syes\s"), fonts);
        Assert.Matches(new Regex(@"NotoSansCJK\S*\s.*\syes\s"), fonts);
        Assert.DoesNotContain("DejaVu", fonts);
        var text = await OfficeTools.SqueezedTextAsync(pdf);
        Assert.Contains("—1—", text);
        Assert.Contains("—2—", text);
        Assert.DoesNotContain("<p>", text);
        Assert.NotEmpty(await OfficeTools.PagesAsync(pdf));
    }

    [Fact]
    public async Task The_final_summary_with_the_votes_results_opens_in_LibreOffice_as_an_official_document()
    {
        PlanRecord plan;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            plan = (await PlanRecord.LoadAsync(scope.ServiceProvider.GetRequiredService<JiaowangDb>(), app.PlanId,
                TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"),
                scope.ServiceProvider.GetRequiredService<IOptions<ReportingOptions>>().Value))!;
        }
        var results = new EvaluationResults(7, app.PlanId, "市政协常委会满意度测评", new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.FromHours(8)),
            EligibleVoters: 45, Voters: 42,
            [
                new UnitSatisfaction(app.UnitIds["市委外办"], "市委外办", 40, 2, 0),
                new UnitSatisfaction(app.UnitIds["市商务局"], "市商务局", 30, 10, 2),
            ]);

        var docx = SummaryDocument.Build(plan, new DateOnly(2026, 12, 20), "中共武汉市委外事工作委员会办公室", results).ToBytes();

        Assert.Empty(OfficeTools.Validate(docx));
        var pdf = await OfficeTools.ToPdfAsync(docx, "summary");
        await AssertOfficialLayoutAsync(pdf);
        var text = await OfficeTools.SqueezedTextAsync(pdf);
        Assert.Contains("市政协十四届五次会议3号建议案办理工作总结", text);
        Assert.Contains("1.着力建设承担国家重大外交外事活动的重要舞台", text);
        Assert.Contains("市委外办（牵头）：" + DocumentsData.ForeignAffairsSentence, text);
        Assert.Contains("四、满意度测评情况", text);
        var lines = await OfficeTools.LayoutLinesAsync(pdf);
        Assert.Contains("序号指标目标完成值完成率状态", lines);
        Assert.Contains(lines, l => l.Contains("129个129个100.0%已完成"));
        Assert.Contains("1市委外办402095.2%100.0%", lines);
        Assert.Contains("2市商务局3010271.4%95.2%", lines);
        Assert.Contains("应参加测评45人，实际参加42人", text);
        Assert.Contains("2026年12月20日", text);
    }

    [Fact]
    public async Task The_bulletin_from_the_API_opens_in_LibreOffice_as_an_official_document()
    {
        using var office = await app.OfficeAsync();
        var docx = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-04-01&to=2026-06-15");

        var pdf = await OfficeTools.ToPdfAsync(docx, "bulletin");
        await AssertOfficialLayoutAsync(pdf);
        var text = await OfficeTools.SqueezedTextAsync(pdf);
        Assert.Contains("市政协十四届五次会议3号建议案办理工作通报", text);
        Assert.Contains("（2026年4月1日—2026年6月15日）", text);
        Assert.Contains("5.", text);
        Assert.Contains("市委外办（牵头，2026年4月）：市委外办4月份围绕第1项任务制定工作方案", text);
        Assert.Contains("序号指标目标当前值完成率状态", await OfficeTools.LayoutLinesAsync(pdf));
        Assert.Contains("三、督办情况", text);
    }
}
