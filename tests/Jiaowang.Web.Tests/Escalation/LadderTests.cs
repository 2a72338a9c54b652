using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Tests.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Notices;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Escalation;

/// <summary>
/// A unit that misses a deadline climbs the ladder day by day (到期催办 → 二次催办 → 督办单), answers the numbered notice,
/// and the office verifies and closes it; each step is taken once however often or from however many places the job runs.
/// </summary>
public abstract class LadderTests(DatabaseProvider provider) : IAsyncLifetime
{
    const string Unit = "市交通运输局";
    readonly DayClock clock = new(DateOnly.FromDateTime(JiaowangFactory.Today.Date));
    SupervisionApp app = null!;

    public async Task InitializeAsync() => app = await LadderApp.StartAsync(provider, clock);

    public async Task DisposeAsync() => await app.DisposeAsync();

    string Item => RelatesTo.OwedItem(app.Monthly(6).Id, app.TaskIds[5], app.UnitIds[Unit]);

    [Fact]
    public async Task A_unit_that_misses_a_deadline_climbs_the_ladder_day_by_day_to_a_numbered_notice_that_its_answer_closes()
    {
        // Bearer tokens last minutes and the clock moves days: sign in again after the clock has moved.
        var (liaisonName, _) = await app.LiaisonAsync(Unit);
        var leader = await Accounts.CreateAsync(app.Factory, "leader", Unit);
        var deadline = app.Monthly(6).Deadline;
        // The ladder starts the day it first runs: May's arrears (due before today) are not escalated.
        await app.RunLadderAsync();
        Assert.Empty(await app.StepsAsync(RelatesTo.OwedItem(app.Monthly(5).Id, app.TaskIds[5], app.UnitIds[Unit])));

        clock.Day = deadline.AddDays(-1);
        await app.RunLadderAsync();
        Assert.Empty(await app.StepsAsync(Item));

        clock.Day = deadline;
        await app.RunLadderAsync();
        Assert.Equal(["dueDay"], await app.StepsAsync(Item));
        using (var liaisonToday = await Accounts.BearerClientAsync(app.Factory, liaisonName))
            Assert.Contains(await LadderApp.InboxAsync(liaisonToday), r => r.Text.Contains("到期催办") && r.Text.Contains("5. 建设国际性综合交通枢纽城市"));

        // Day by day until the notice: the second reminder (to the unit's leader too) comes first.
        var days = 0;
        while (!(await app.StepsAsync(Item)).Contains("notice"))
        {
            clock.Day = clock.Day.AddDays(1);
            await app.RunLadderAsync();
            Assert.True(++days < 15, "no notice after 15 days");
        }
        Assert.Equal(["dueDay", "second", "notice"], await app.StepsAsync(Item));
        Assert.Equal(5, Core.Supervision.WorkingDays.Between(deadline, clock.Day));
        using var liaison = await Accounts.BearerClientAsync(app.Factory, liaisonName);
        using var office = await app.OfficeAsync();
        Assert.Contains(await LadderApp.InboxAsync(liaison), r => r.Text.Contains("二次催办"));
        // The second reminder goes to the unit's leader too.
        using (var unitLeader = await Accounts.BearerClientAsync(app.Factory, leader.UserName!))
            Assert.Contains(await LadderApp.InboxAsync(unitLeader), r => r.Text.Contains("二次催办"));

        // A second round the same day takes nothing again.
        Assert.Equal(0, await app.RunLadderAsync());
        Assert.Equal(["dueDay", "second", "notice"], await app.StepsAsync(Item));

        var mine = (await liaison.GetFromJsonAsync<NoticePage>("/api/notices"))!;
        var notice = Assert.Single(mine.Items, n => n.RelatesTo == $"owed:{app.Monthly(6).Id}:{app.TaskIds[5]}");
        Assert.Matches(@"^〔2026〕第 \d+ 号$", notice.Number);
        Assert.Equal("red", notice.Colour);
        Assert.True(notice.Automatic);
        Assert.Contains(await LadderApp.InboxAsync(liaison), r => r.Text.Contains(notice.Number));

        // The notice's page shows how the item got there.
        var detail = (await liaison.GetFromJsonAsync<NoticeDetail>($"/api/notices/{notice.Id}"))!;
        Assert.Equal(["dueDay", "second", "notice", "issued"], detail.History.Select(h => h.Step).ToArray());

        // The Word document opens in LibreOffice and carries the number, the unit and the matter.
        var docx = await liaison.GetByteArrayAsync($"/api/notices/{notice.Id}/notice.docx");
        Assert.Empty(OfficeTools.Validate(docx));
        var text = await OfficeTools.SqueezedTextAsync(await OfficeTools.ToPdfAsync(docx, "notice"));
        Assert.Contains("督办通知单", text);
        Assert.Contains(notice.Number.Replace(" ", ""), text);
        Assert.Contains(Unit, text);
        Assert.Contains("逾期未报", text);

        // The unit acknowledges, answers; the office verifies and closes it (办结销号).
        (await liaison.PostAsJsonAsync("/api/receipts", new { kind = "notice", id = notice.Id })).EnsureSuccessStatusCode();
        var answered = await liaison.PostAsJsonAsync($"/api/notices/{notice.Id}/answer", new { answer = "六月月报已补报，今后按时报送。" });
        Assert.Equal("answered", (await answered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<NoticeItem>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await liaison.PostAsJsonAsync($"/api/notices/{notice.Id}/answer", new { answer = "再答一次" })).StatusCode);
        var reopened = await office.PostAsJsonAsync($"/api/notices/{notice.Id}/verify", new { close = false });
        Assert.Equal(HttpStatusCode.BadRequest, reopened.StatusCode);
        // The dashboard's count of open red notices is kept between requests: closing this one lowers it at once.
        using var leaderBrowser = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
        static int OpenRed(string page) => int.Parse(System.Text.RegularExpressions.Regex.Match(page, "colour=red\">红色 (\\d+)</a>").Groups[1].Value);
        var red = OpenRed(await leaderBrowser.GetStringAsync("/dashboard"));
        var closed = await office.PostAsJsonAsync($"/api/notices/{notice.Id}/verify", new { close = true, comment = "已补报" });
        Assert.Equal("closed", (await closed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<NoticeItem>())!.Status);
        Assert.Equal(red - 1, OpenRed(await leaderBrowser.GetStringAsync("/dashboard")));
        detail = (await office.GetFromJsonAsync<NoticeDetail>($"/api/notices/{notice.Id}"))!;
        Assert.Equal(["dueDay", "second", "notice", "issued", "acknowledged", "answered", "closed"], detail.History.Select(h => h.Step).ToArray());
        Assert.NotNull(detail.Notice.AcknowledgedAt);
        var open = (await office.GetFromJsonAsync<NoticePage>("/api/notices?status=closed"))!;
        Assert.Contains(open.Items, n => n.Id == notice.Id);
    }

    [Fact]
    public async Task Two_rounds_at_once_take_each_step_once_and_two_offices_issuing_at_once_get_distinct_numbers()
    {
        clock.Day = app.Monthly(6).Deadline.AddDays(-3);
        await app.RunLadderAsync();
        // Straight to the bulletin step: every unit owing June's reports takes four steps at once, from two places at once.
        clock.Day = app.Monthly(6).Deadline.AddDays(15);
        var rounds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LadderService>().RunAsync(clock.Day);
        })));
        await app.RunLadderAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var steps = await db.SupervisionEntries.Where(e => e.Once != null).Select(e => new { e.Item, e.Once }).ToListAsync();
            Assert.NotEmpty(steps);
            Assert.Equal(steps.Count, steps.Distinct().Count());
            Assert.Equal(steps.Count, rounds.Sum());
            var notices = await db.Notices.Where(n => n.Automatic).Select(n => new { n.UnitId, n.RelatesTo, n.Sequence }).ToListAsync();
            Assert.Equal(steps.Count(s => s.Once == "notice"), notices.Count);
            Assert.Equal(notices.Count, notices.Select(n => (n.UnitId, n.RelatesTo)).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, notices.Count), notices.Select(n => n.Sequence).Order());
        }
        Assert.Equal(["dueDay", "second", "notice", "bulletin"], await app.StepsAsync(Item));
        using var office = await app.OfficeAsync();
        var marked = (await office.GetFromJsonAsync<Dictionary<string, List<LadderMark>>>($"/api/plans/{app.PlanId}/ladder/marked"))!;
        Assert.Contains(marked["bulletin"], m => m.Item == Item);
        // The bulletin names the units the ladder put there.
        var bulletin = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/bulletin.docx?from=2026-06-01&to={clock.Day:yyyy-MM-dd}");
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bulletin), false))
        {
            var body = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("现予通报", body);
            Assert.Contains(Unit + "（", body);
        }

        // Eight offices issue at the same moment: eight consecutive numbers, none shared.
        var before = (await office.GetFromJsonAsync<NoticePage>("/api/notices"))!.Total;
        var issued = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var client = await app.OfficeAsync();
            var response = await client.PostAsJsonAsync("/api/notices",
                new { unitId = app.UnitIds[Unit], subject = $"请加快进度 {i}", respondBy = clock.Day.AddDays(5), relatesTo = $"owed:{app.Monthly(6).Id}:{app.TaskIds[5]}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<IssuedNotice>())!;
        }));
        Assert.Equal(8, issued.Select(n => n.Number).Distinct().Count());
        var numbers = issued.Select(n => int.Parse(n.Number.Split(' ')[1])).Order().ToList();
        Assert.Equal(Enumerable.Range(before + 1, 8), numbers);
    }

    [Fact]
    public async Task A_liaison_sees_and_answers_only_its_own_units_notices_and_cannot_issue_any()
    {
        await app.RunLadderAsync();
        using var office = await app.OfficeAsync();
        var (_, own) = await app.LiaisonAsync(Unit);
        var (_, other) = await app.LiaisonAsync("市商务局");
        var created = await office.PostAsJsonAsync("/api/notices",
            new { unitId = app.UnitIds[Unit], subject = "五月月报逾期未报", respondBy = "2026-06-22", relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var notice = (await created.Content.ReadFromJsonAsync<IssuedNotice>())!;
        Assert.Equal("〔2026〕第 1 号", notice.Number);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/notices/{notice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/notices/{notice.Id}/notice.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/notices/{notice.Id}/answer", new { answer = "代答" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/receipts", new { kind = "notice", id = notice.Id })).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<NoticePage>("/api/notices"))!.Items);
        Assert.Single((await own.GetFromJsonAsync<NoticePage>("/api/notices"))!.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync("/api/notices",
            new { unitId = app.UnitIds[Unit], subject = "自己督办自己", respondBy = "2026-06-22", relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"/api/notices/{notice.Id}/verify", new { close = true })).StatusCode);

        // What is wrong with a notice is said field by field.
        var bad = await office.PostAsJsonAsync("/api/notices", new { unitId = app.UnitIds["市商务局"], subject = "", respondBy = "2026-01-01", relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("respondBy", out _));
        // 市商务局 does not owe task 5: the notice cannot be about it.
        Assert.True(errors.TryGetProperty("relatesTo", out _));

        // Receipt: the task and the notice wait for the unit's acknowledgement until it gives it.
        var pending = (await own.GetFromJsonAsync<List<PendingReceipt>>("/api/me/receipts"))!;
        Assert.Contains(pending, p => p.Kind == "notice" && p.Id == notice.Id);
        Assert.Contains(pending, p => p.Kind == "task" && p.Id == app.TaskIds[5]);
        (await own.PostAsJsonAsync("/api/receipts", new { kind = "task", id = app.TaskIds[5] })).EnsureSuccessStatusCode();
        (await own.PostAsJsonAsync("/api/receipts", new { kind = "task", id = app.TaskIds[5] })).EnsureSuccessStatusCode();
        pending = (await own.GetFromJsonAsync<List<PendingReceipt>>("/api/me/receipts"))!;
        Assert.DoesNotContain(pending, p => p.Kind == "task" && p.Id == app.TaskIds[5]);

        // Left unacknowledged for two working days, the notice takes the ladder's first step.
        clock.Day = new DateOnly(2026, 6, 17);
        await app.RunLadderAsync();
        Assert.Equal(["unacknowledged"], await app.StepsAsync(NoticeService.Item(notice.Id)));
    }
}

public sealed class SqliteLadderTests() : LadderTests(DatabaseProvider.Sqlite);

public sealed class PostgresLadderTests() : LadderTests(DatabaseProvider.Postgres);
