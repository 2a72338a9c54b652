using System.Net.Http.Json;
using Jiaowang.Tests.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Tests.Evaluations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Documents;

/// <summary>
/// The issue's end state in one piece: the Wuhan plan after a generated year of reports (demo seed 2026), a satisfaction
/// vote the council members cast and the office closed, and the city-wide final summary the office downloads, printed
/// by LibreOffice. The page images are left in /tmp/jiaowang-documents/wuhan-year-summary-*.png to look at.
/// </summary>
public sealed class WuhanYearSummaryTests : IAsyncLifetime
{
    VoteApp vote = null!;

    public async Task InitializeAsync()
    {
        vote = await VoteApp.StartAsync(DatabaseProvider.Sqlite);
        vote.Clock.Now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));
        await using var scope = vote.Factory.Services.CreateAsyncScope();
        await DemoYear.GenerateAsync(scope.ServiceProvider.GetRequiredService<JiaowangDb>(), vote.App.PlanId, seed: 2026,
            until: new DateOnly(2026, 12, 9), clock: vote.Clock);
    }

    public async Task DisposeAsync() => await vote.DisposeAsync();

    [Fact]
    public async Task The_final_summary_of_a_generated_year_with_a_closed_vote_prints_as_an_official_document()
    {
        using var office = await vote.App.OfficeAsync();
        // Five members, on the list when the vote opens: three satisfied with everyone, one 基本满意 with everyone, one
        // 不满意 with the last unit only.
        var members = new List<HttpClient>();
        for (var i = 0; i < 5; i++) members.Add((await vote.MemberAsync()).Client);
        var (id, units) = await vote.OpenAsync(office);
        var last = units[^1];
        object[] ballots =
        [
            VoteApp.Ballot(units), VoteApp.Ballot(units), VoteApp.Ballot(units), VoteApp.Ballot(units, "basicallySatisfied"),
            VoteApp.Ballot(units, special: new() { [last.Id] = ("dissatisfied", "外文服务信息更新不及时") }),
        ];
        foreach (var (member, ballot) in members.Zip(ballots))
            (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", ballot)).EnsureSuccessStatusCode();
        await vote.CloseEarlyAsync(office, id);

        var docx = await office.GetByteArrayAsync($"/api/plans/{vote.App.PlanId}/summary.docx");

        Assert.Empty(OfficeTools.Validate(docx));
        var pdf = await OfficeTools.ToPdfAsync(docx, "wuhan-year-summary");
        Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", await OfficeTools.InfoAsync(pdf));
        var text = await OfficeTools.SqueezedTextAsync(pdf);
        Assert.Contains("市政协十四届五次会议3号建议案办理工作总结", text);
        // Every task of the plan has its section, lead unit first, and the demo's accepted final summaries are in it.
        foreach (var task in new[] { "1.着力建设承担国家重大外交外事活动的重要舞台", "2.构建城市国际形象传播体系" })
            Assert.Contains(task, text);
        Assert.Contains("市委外办（牵头）：", text);
        Assert.Contains("【演示数据】", text);
        Assert.Contains("三、督办情况", text);
        Assert.Contains("四、结果考评情况", text);
        Assert.Contains("五、满意度测评情况", text);
        Assert.Contains($"应参加测评5人，实际参加5人，共对{units.Count}家单位作出评价", text);
        var lines = await OfficeTools.LayoutLinesAsync(pdf);
        // 3 satisfied + 1 basically + 1 satisfied = 4/1/0 for most units; the last unit 3/1/1.
        Assert.Contains(lines, l => l.EndsWith($"{last.Name}31160.0%80.0%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith($"{units[0].Name}41080.0%100.0%", StringComparison.Ordinal));
        var pages = await OfficeTools.PagesAsync(pdf);
        Assert.True(pages.Count >= 5, $"a year of 31 units' summaries runs to several pages, got {pages.Count}");
        Assert.Contains($"—{pages.Count}—", text);
        // The signature does not stand alone on the last page: the note under the satisfaction table comes over with it.
        var lastPage = (await OfficeTools.TextAsync(pdf)).Split('\f', StringSplitOptions.RemoveEmptyEntries)
            .Last(p => !string.IsNullOrWhiteSpace(p));
        Assert.Contains("2026 年 12 月 10 日", lastPage);
        Assert.Contains("满意及基本满意率＝", lastPage.Replace(" ", "").Replace("\n", ""));
    }
}
