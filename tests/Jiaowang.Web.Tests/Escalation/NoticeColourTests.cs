using System.Net.Http.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Notices;
using Jiaowang.Web.Tests.Documents;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Escalation;

/// <summary>
/// A notice's colour follows time (a blue notice whose report becomes overdue shows red; the colour at issue stays on the
/// record), and a notice left unanswered past its respond-by day climbs the ladder once: named in the next bulletin and
/// shown to the leaders until the unit answers.
/// </summary>
public abstract class NoticeColourTests(DatabaseProvider provider) : IAsyncLifetime
{
    const string Unit = "市交通运输局";
    readonly DayClock clock = new(DateOnly.FromDateTime(JiaowangFactory.Today.Date));
    SupervisionApp app = null!;

    public async Task InitializeAsync() => app = await LadderApp.StartAsync(provider, clock);

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<IssuedNotice> IssueAsync(HttpClient office, string subject, DateOnly respondBy)
    {
        var response = await office.PostAsJsonAsync("/api/notices",
            new { unitId = app.UnitIds[Unit], subject, respondBy, relatesTo = $"owed:{app.Monthly(6).Id}:{app.TaskIds[5]}" });
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IssuedNotice>())!;
    }

    [Fact]
    public async Task A_notice_issued_before_the_deadline_turns_red_once_the_report_is_overdue_and_keeps_its_colour_at_issue()
    {
        var deadline = app.Monthly(6).Deadline;
        var (liaisonName, _) = await app.LiaisonAsync(Unit);
        NoticeItem issued;
        using (var office = await app.OfficeAsync())
        {
            var notice = await IssueAsync(office, "请按时报送六月月报", deadline.AddDays(20));
            issued = (await office.GetFromJsonAsync<NoticeDetail>($"/api/notices/{notice.Id}"))!.Notice;
        }
        Assert.NotEqual("red", issued.Colour);
        Assert.Equal(issued.Colour, issued.ColourAtIssue);

        // The day after the deadline, June's report still not in: the notice shows red, on its page, in the list and its counts.
        clock.Day = deadline.AddDays(1);
        using var later = await app.OfficeAsync();
        var now = (await later.GetFromJsonAsync<NoticeDetail>($"/api/notices/{issued.Id}"))!;
        Assert.Equal("red", now.Notice.Colour);
        Assert.Equal(issued.Colour, now.Notice.ColourAtIssue);
        // The history keeps the colour it was issued with.
        Assert.Contains(Core.Supervision.NoticeRules.ColourName(issued.Colour == "blue" ? Core.Supervision.NoticeColour.Blue : Core.Supervision.NoticeColour.Yellow),
            now.History.Single(h => h.Step == "issued").Text);
        var reds = (await later.GetFromJsonAsync<NoticePage>("/api/notices?status=unclosed&colour=red"))!;
        Assert.Contains(reds.Items, n => n.Id == issued.Id);
        Assert.Equal(1, reds.OpenRed);
        using var browser = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "office")).UserName!);
        var page = await browser.GetStringAsync($"/notices/{issued.Id}");
        Assert.Contains("colour-red", page);
        Assert.Contains("下发时为", page);
        // The Word document is the notice as issued.
        var docx = DocumentsData.Text(await later.GetByteArrayAsync($"/api/notices/{issued.Id}/notice.docx"));
        Assert.DoesNotContain("红色督办", docx);

        // Once the report is in, the notice is no longer red (nor lighter than its colour at issue).
        using var liaison = await Accounts.BearerClientAsync(app.Factory, liaisonName);
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(6).Id, text = "六月" });
        var reportId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdOnly>())!.Id;
        (await liaison.PostAsJsonAsync($"/api/reports/{reportId}/submit", new { })).EnsureSuccessStatusCode();
        Assert.NotEqual("red", (await later.GetFromJsonAsync<NoticeDetail>($"/api/notices/{issued.Id}"))!.Notice.Colour);
    }

    [Fact]
    public async Task A_notice_left_unanswered_past_its_respond_by_day_is_named_in_the_bulletin_and_shown_to_leaders_once()
    {
        await app.RunLadderAsync();
        var (liaisonName, _) = await app.LiaisonAsync(Unit);
        IssuedNotice notice;
        using (var office = await app.OfficeAsync())
            notice = await IssueAsync(office, "请说明六月工作进展", clock.Day.AddDays(2));
        var item = NoticeService.Item(notice.Id);

        // On its respond-by day it is still in time.
        clock.Day = clock.Day.AddDays(2);
        await app.RunLadderAsync();
        Assert.DoesNotContain("noticeOverdue", await app.StepsAsync(item));

        clock.Day = clock.Day.AddDays(1);
        await app.RunLadderAsync();
        Assert.Equal(0, await app.RunLadderAsync());
        // Once, beside the receipt reminder the unacknowledged notice had already taken.
        Assert.Single(await app.StepsAsync(item), "noticeOverdue");
        using var office2 = await app.OfficeAsync();
        var detail = (await office2.GetFromJsonAsync<NoticeDetail>($"/api/notices/{notice.Id}"))!;
        Assert.Equal("red", detail.Notice.Colour);
        Assert.Contains(detail.History, h => h.Step == "noticeOverdue" && h.Text.Contains(notice.Number) && h.Text.Contains("逾期未答复"));
        var marked = (await office2.GetFromJsonAsync<Dictionary<string, List<LadderMark>>>($"/api/plans/{app.PlanId}/ladder/marked"))!;
        Assert.Contains(marked["bulletin"], m => m.Item == item);
        Assert.Contains(marked["leaders"], m => m.Item == item);
        var bulletin = DocumentsData.Text(await office2.GetByteArrayAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-06-01&to={clock.Day:yyyy-MM-dd}"));
        Assert.Contains($"未在规定时限内答复督办单，现予通报：{Unit}（督办单 {notice.Number}）", bulletin);
        using (var browser = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader")).UserName!))
            Assert.Contains($"{Unit}：督办单 {notice.Number}：应于", await browser.GetStringAsync("/dashboard"));
        using (var liaison = await Accounts.BearerClientAsync(app.Factory, liaisonName))
            Assert.Contains(await LadderApp.InboxAsync(liaison), r => r.Text.Contains(notice.Number) && r.Text.Contains("逾期未答复"));

        // Answered late: off the bulletin and the leaders' list; the step stays in the history, and is not taken again.
        using (var liaison = await Accounts.BearerClientAsync(app.Factory, liaisonName))
            (await liaison.PostAsJsonAsync($"/api/notices/{notice.Id}/answer", new { answer = "已说明。" })).EnsureSuccessStatusCode();
        // The leaders' list is kept between dashboard requests: the answer alone takes the item off it.
        using (var browser = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader")).UserName!))
            Assert.DoesNotContain($"督办单 {notice.Number}：应于", await browser.GetStringAsync("/dashboard"));
        clock.Day = clock.Day.AddDays(1);
        await app.RunLadderAsync();
        using var office3 = await app.OfficeAsync();
        marked = (await office3.GetFromJsonAsync<Dictionary<string, List<LadderMark>>>($"/api/plans/{app.PlanId}/ladder/marked"))!;
        Assert.DoesNotContain(marked["bulletin"], m => m.Item == item);
        Assert.DoesNotContain(marked["leaders"], m => m.Item == item);
        Assert.Single(await app.StepsAsync(item), "noticeOverdue");
    }
}

public sealed record IdOnly(int Id);

public sealed class SqliteNoticeColourTests() : NoticeColourTests(DatabaseProvider.Sqlite);

public sealed class PostgresNoticeColourTests() : NoticeColourTests(DatabaseProvider.Postgres);
