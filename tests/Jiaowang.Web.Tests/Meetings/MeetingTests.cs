using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Meetings;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Meetings;

/// <summary>Meetings, inspections and their follow-up items through the API and the pages, the same on SQLite and PostgreSQL.</summary>
public abstract class MeetingTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider);
    public async Task DisposeAsync() => await app.DisposeAsync();

    const string Transport = "市交通运输局";
    const string Commerce = "市商务局";

    object Decision(string text, string unit, string deadline) => new { text, unitId = app.UnitIds[unit], deadline };

    async Task<MeetingItem> RecordAsync(HttpClient office, string title, string heldOn, params object[] decisions)
    {
        var response = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings",
            new { kind = "councilInspection", title, heldOn, place = "天河机场", attendees = new[] { "市政协副主席", Transport }, decisions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeetingItem>())!;
    }

    async Task<HttpClient> CookieAsync(string role, string? unit = null)
    {
        var user = await Accounts.CreateAsync(app.Factory, role, unit);
        return await Accounts.CookieClientAsync(app.Factory, user.UserName!);
    }

    [Fact]
    public async Task The_office_records_an_inspection_with_two_decisions_and_gets_two_follow_ups_with_their_owners_and_statuses()
    {
        using var office = await app.OfficeAsync();
        // Today is 15 June: 20 June is within the week (at risk), 30 September comfortably ahead (on track).
        var meeting = await RecordAsync(office, "市政协视察国际航空枢纽建设", "2026-06-10",
            Decision("加密国际客运航线", Transport, "2026-06-20"), Decision("完善外籍人士消费支付服务", Commerce, "2026-09-30"));

        var followUps = await office.GetFromJsonAsync<List<FollowUpItem>>($"/api/plans/{app.PlanId}/followups");
        var mine = followUps!.Where(f => f.MeetingId == meeting.Id).OrderBy(f => f.Position).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal((app.UnitIds[Transport], Transport, "open", "atRisk"), (mine[0].UnitId, mine[0].UnitName, mine[0].State, mine[0].Status));
        Assert.Equal((app.UnitIds[Commerce], Commerce, "open", "onTrack"), (mine[1].UnitId, mine[1].UnitName, mine[1].State, mine[1].Status));
        var listed = Assert.Single((await office.GetFromJsonAsync<List<MeetingItem>>($"/api/plans/{app.PlanId}/meetings?kind=councilInspection"))!, m => m.Id == meeting.Id);
        Assert.Equal(["市政协副主席", Transport], listed.Attendees);
        Assert.Empty((await office.GetFromJsonAsync<List<MeetingItem>>($"/api/plans/{app.PlanId}/meetings?kind=officeMeeting"))!);
        var audit = await office.GetFromJsonAsync<List<AuditItem>>("/api/audit");
        Assert.Contains(audit!, e => e.Entity == "Meeting" && e.EntityId == meeting.Id.ToString() && e.Action == "create" && e.After!.Contains("加密国际客运航线"));
    }

    [Fact]
    public async Task Only_the_owner_units_liaison_or_the_office_marks_a_follow_up_done_and_only_the_office_reopens_it()
    {
        using var office = await app.OfficeAsync();
        var (_, transport) = await app.LiaisonAsync(Transport);
        var (_, commerce) = await app.LiaisonAsync(Commerce);
        var meeting = await RecordAsync(office, "领导小组办公室第二次会议", "2026-06-01", Decision("开通武汉至布达佩斯航线", Transport, "2026-07-31"));
        var id = meeting.Decisions.Single().Id;

        var other = await commerce.PostAsJsonAsync($"/api/followups/{id}/done", new { note = "不是我们的事项" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Empty((await commerce.GetFromJsonAsync<List<FollowUpItem>>($"/api/plans/{app.PlanId}/followups"))!);
        var noNote = await transport.PostAsJsonAsync($"/api/followups/{id}/done", new { note = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("note", await noNote.Content.ReadAsStringAsync());

        var done = await transport.PostAsJsonAsync($"/api/followups/{id}/done", new { note = "航线已于 7 月 1 日开通" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var item = (await done.Content.ReadFromJsonAsync<FollowUpItem>())!;
        Assert.Equal(("done", "done", "航线已于 7 月 1 日开通"), (item.State, item.Status, item.DoneNote));
        Assert.Equal(HttpStatusCode.Conflict, (await transport.PostAsJsonAsync($"/api/followups/{id}/done", new { note = "再报一次" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PostAsync($"/api/followups/{id}/reopen", null)).StatusCode);
        var reopened = await office.PostAsync($"/api/followups/{id}/reopen", null);
        Assert.Equal(("open", "onTrack", (string?)null), await reopened.Content.ReadFromJsonAsync<FollowUpItem>() is { } r ? (r.State, r.Status, r.DoneNote) : default);
        var mine = await transport.GetFromJsonAsync<List<FollowUpItem>>($"/api/plans/{app.PlanId}/followups");
        Assert.Equal("open", Assert.Single(mine!).State);
    }

    [Fact]
    public async Task A_bad_meeting_is_refused_naming_each_decision_row_and_field_and_nothing_is_stored()
    {
        using var office = await app.OfficeAsync();
        var response = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "不完整的会议", heldOn = "2026-06-12",
            decisions = new object[] { Decision("第一项完整", Transport, "2026-06-30"), new { text = "第二项缺单位和时限" }, Decision("", Commerce, "2026-06-01") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["decisions[1].deadline", "decisions[1].unitId", "decisions[2].deadline", "decisions[2].text"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("第 2 项议定事项：请选择责任单位。", errors.GetProperty("decisions[1].unitId")[0].GetString());
        Assert.Equal("第 3 项议定事项：完成时限不能早于会议日期。", errors.GetProperty("decisions[2].deadline")[0].GetString());
        Assert.DoesNotContain((await office.GetFromJsonAsync<List<MeetingItem>>($"/api/plans/{app.PlanId}/meetings"))!, m => m.Title == "不完整的会议");

        var english = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings?culture=en", new { kind = "party", title = "", heldOn = "2026-06-12" });
        var englishErrors = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("The title is required.", englishErrors.GetProperty("title")[0].GetString());
        Assert.True(englishErrors.TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task A_liaison_and_a_leader_cannot_record_meetings_and_strangers_get_401()
    {
        var (_, transport) = await app.LiaisonAsync(Transport);
        var leader = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader")).UserName!);
        var body = new { kind = "officeMeeting", title = "x", heldOn = "2026-06-12" };
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/plans/{app.PlanId}/meetings")).StatusCode);
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/plans/{app.PlanId}/followups")).StatusCode);
    }

    [Fact]
    public async Task An_overdue_follow_up_shows_as_behind_on_the_list_and_the_owner_marks_it_done_there()
    {
        using var office = await app.OfficeAsync();
        await RecordAsync(office, "市政府领导检查交通枢纽", "2026-06-01", Decision("报送中欧班列运营数据", Transport, "2026-06-10"));
        var leader = await CookieAsync("leader");

        var page = await leader.GetStringAsync("/followups?status=behind");
        var row = Regex.Match(page, "<tr id=\"followup-(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Contains("报送中欧班列运营数据", row.Groups[2].Value);
        Assert.Contains("<span class=\"status behind\">进度滞后</span>", row.Groups[2].Value);
        Assert.DoesNotContain("标记办结", row.Groups[2].Value);
        Assert.DoesNotContain("报送中欧班列运营数据", await leader.GetStringAsync("/followups?status=onTrack"));

        var transport = await CookieAsync("liaison", Transport);
        var done = await Accounts.PostFormAsync(transport, "/followups?handler=Done", new() { ["id"] = row.Groups[1].Value, ["note"] = "已报送" }, "/followups");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await leader.GetStringAsync("/followups");
        Assert.Matches("报送中欧班列运营数据.*?<span class=\"status done\">已完成</span>", Regex.Replace(after, "\\s+", " "));
        var csv = await leader.GetStringAsync("/followups?handler=Csv");
        Assert.Contains("报送中欧班列运营数据", csv);
        Assert.Contains("已报送", csv);
    }

    [Fact]
    public async Task The_office_records_a_meeting_through_the_form_adding_a_decision_row_and_a_bad_row_is_named()
    {
        var office = await CookieAsync("office");
        var fields = new Dictionary<string, string>
        {
            ["planId"] = app.PlanId.ToString(), ["Form.Kind"] = "officeMeeting", ["Form.Title"] = "领导小组办公室第三次会议", ["Form.HeldOn"] = "2026-06-12",
            ["Form.Place"] = "市委外办", ["Form.Attendees"] = "市委外办主任\n市交通运输局、市商务局", ["Form.Notes"] = "通报上半年办理情况。",
            ["Form.Decisions[0].Text"] = "梳理国际航线计划", ["Form.Decisions[0].UnitId"] = app.UnitIds[Transport].ToString(), ["Form.Decisions[0].Deadline"] = "2026-07-15",
        };
        var added = await Accounts.PostFormAsync(office, "/meetings/new?handler=AddRow", new(fields), "/meetings/new");
        var withRow = await added.Content.ReadAsStringAsync();
        Assert.Contains("第 2 项议定事项", withRow);
        Assert.Contains("梳理国际航线计划", withRow);

        fields["Form.Decisions[1].Text"] = "举办外资企业座谈会";
        fields["Form.Decisions[1].Deadline"] = "2026-08-31";
        var refused = await Accounts.PostFormAsync(office, "/meetings/new", new(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("第 2 项议定事项：请选择责任单位。", await refused.Content.ReadAsStringAsync());

        fields["Form.Decisions[1].UnitId"] = app.UnitIds[Commerce].ToString();
        var saved = await Accounts.PostFormAsync(office, "/meetings/new", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var minutes = await office.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("领导小组办公室会议纪要", minutes);
        Assert.Contains("市委外办主任、市交通运输局、市商务局", minutes);
        Assert.Matches("梳理国际航线计划.*市交通运输局.*举办外资企业座谈会.*市商务局", Regex.Replace(minutes, "\\s+", " "));

        var id = Regex.Match(saved.Headers.Location!.OriginalString, @"/meetings/(\d+)").Groups[1].Value;
        var edit = await office.GetStringAsync($"/meetings/{id}/edit");
        Assert.Contains("举办外资企业座谈会", edit);
        var removed = await Accounts.PostFormAsync(office, $"/meetings/{id}/edit?handler=RemoveRow",
            new() { ["Form.Kind"] = "officeMeeting", ["Form.Title"] = "领导小组办公室第三次会议", ["Form.HeldOn"] = "2026-06-12",
                ["Form.Decisions[0].Text"] = "梳理国际航线计划", ["Form.Decisions[1].Text"] = "举办外资企业座谈会", ["row"] = "0" }, $"/meetings/{id}/edit");
        var afterRemove = await removed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("梳理国际航线计划", afterRemove);
        Assert.Contains("举办外资企业座谈会", afterRemove);
    }

    [Fact]
    public async Task Editing_a_meeting_keeps_a_done_decision_as_done_and_changes_the_others()
    {
        using var api = await app.OfficeAsync();
        var (_, transportApi) = await app.LiaisonAsync(Transport);
        var meeting = await RecordAsync(api, "领导小组办公室第四次会议", "2026-06-02",
            Decision("报送航线开通情况", Transport, "2026-06-12"), Decision("梳理外贸企业名单", Commerce, "2026-06-30"));
        var (first, second) = (meeting.Decisions[0].Id, meeting.Decisions[1].Id);
        await transportApi.PostAsJsonAsync($"/api/followups/{first}/done", new { note = "已书面报送" });
        var office = await CookieAsync("office");

        var saved = await Accounts.PostFormAsync(office, $"/meetings/{meeting.Id}/edit", new()
        {
            ["Form.Kind"] = "officeMeeting", ["Form.Title"] = "领导小组办公室第四次会议", ["Form.HeldOn"] = "2026-06-02",
            ["Form.Decisions[0].Id"] = first.ToString(), ["Form.Decisions[0].Text"] = "报送航线开通情况",
            ["Form.Decisions[0].UnitId"] = app.UnitIds[Transport].ToString(), ["Form.Decisions[0].Deadline"] = "2026-06-12",
            ["Form.Decisions[1].Id"] = second.ToString(), ["Form.Decisions[1].Text"] = "梳理外贸企业名单并报送",
            ["Form.Decisions[1].UnitId"] = app.UnitIds[Commerce].ToString(), ["Form.Decisions[1].Deadline"] = "2026-06-10",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var items = (await api.GetFromJsonAsync<List<FollowUpItem>>($"/api/plans/{app.PlanId}/followups"))!.Where(f => f.MeetingId == meeting.Id).ToList();
        Assert.Equal(("done", "已书面报送"), (items.Single(i => i.Id == first).State, items.Single(i => i.Id == first).DoneNote));
        var changed = items.Single(i => i.Id == second);
        Assert.Equal(("梳理外贸企业名单并报送", "behind"), (changed.Text, changed.Status));
        var audit = await api.GetFromJsonAsync<List<AuditItem>>("/api/audit");
        Assert.Contains(audit!, e => e.Entity == "Meeting" && e.EntityId == meeting.Id.ToString() && e.Action == "update" && e.Before!.Contains("梳理外贸企业名单\""));
    }

    [Fact]
    public async Task The_meetings_pages_render_in_chinese_and_english_and_a_unit_page_lists_its_open_follow_ups()
    {
        using var api = await app.OfficeAsync();
        var meeting = await RecordAsync(api, "市政协视察国际交往中心建设", "2026-06-05", Decision("完善国际语言环境", Transport, "2026-08-01"));
        var office = await CookieAsync("office");

        foreach (var (url, zh, en) in new[]
        {
            ("/meetings", "会议与视察", "Meetings and inspections"),
            ($"/meetings/{meeting.Id}", "市政协视察纪要", "Minutes of the Council inspection"),
            ("/meetings/new", "记录会议或视察", "Record a meeting or inspection"),
            ("/followups", "督办事项", "Follow-up items"),
        })
        {
            var chinese = await office.GetStringAsync(url);
            Assert.Contains(zh, chinese);
            var english = await office.GetStringAsync(url + (url.Contains('?') ? "&" : "?") + "culture=en");
            Assert.Contains(en, english);
            Assert.DoesNotContain(zh, english);
            await office.GetStringAsync(url + "?culture=zh-CN");
        }
        Assert.Contains("市政协视察国际交往中心建设", await office.GetStringAsync("/meetings?kind=councilInspection"));
        Assert.DoesNotContain("市政协视察国际交往中心建设", await office.GetStringAsync("/meetings?kind=officeMeeting"));

        var transport = await CookieAsync("liaison", Transport);
        var unitPage = await transport.GetStringAsync($"/units/{app.UnitIds[Transport]}");
        Assert.Contains("未办结的督办事项（1 项）", unitPage);
        Assert.Contains("完善国际语言环境", unitPage);
        using var anonymous = app.Factory.CreateClient();
        Assert.DoesNotContain("完善国际语言环境", await anonymous.GetStringAsync($"/units/{app.UnitIds[Transport]}"));
        // The list is kept until a write: the unit's item marked done leaves the page at once, for the office too.
        Assert.Contains("完善国际语言环境", await office.GetStringAsync($"/units/{app.UnitIds[Transport]}"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/followups/{meeting.Decisions[0].Id}/done", new { note = "路牌已更新" })).StatusCode);
        Assert.DoesNotContain("完善国际语言环境", await transport.GetStringAsync($"/units/{app.UnitIds[Transport]}"));
        Assert.DoesNotContain("完善国际语言环境", await office.GetStringAsync($"/units/{app.UnitIds[Transport]}"));
        var denied = await transport.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}

public sealed class SqliteMeetingTests() : MeetingTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeetingTests() : MeetingTests(DatabaseProvider.Postgres);
