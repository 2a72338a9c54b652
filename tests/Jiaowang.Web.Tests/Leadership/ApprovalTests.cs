using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Leadership;

/// <summary>A unit whose leader (分管领导) signs its reports before the office sees them, the same on SQLite and PostgreSQL.</summary>
public abstract class ApprovalTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;
    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider);
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>
    /// The <paramref name="nth"/> unit that leads a task (each test its own), its liaison with a draft for May, its own
    /// leader and another unit's leader.
    /// </summary>
    async Task<(int UnitId, HttpClient Liaison, HttpClient Leader, string LeaderName, HttpClient OtherLeader, int ReportId)> UnitWithDraftAsync(int nth)
    {
        using var plan = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}"));
        var (taskNumber, unitId, unitName) = plan.RootElement.GetProperty("tasks").EnumerateArray()
            .Select(t => (Number: t.GetProperty("number").GetInt32(), Lead: t.GetProperty("leadUnits")[0]))
            .Select(t => (t.Number, Id: t.Lead.GetProperty("id").GetInt32(), Name: t.Lead.GetProperty("name").GetString()!))
            .DistinctBy(t => t.Id).ElementAt(nth);
        var otherUnit = app.UnitIds.Keys.First(n => n != unitName);

        var (_, liaison) = await app.LiaisonAsync(unitName);
        var leader = await Accounts.CreateAsync(app.Factory, "leader", unitName);
        var other = await Accounts.CreateAsync(app.Factory, "leader", otherUnit);
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[taskNumber], periodId = app.Monthly(5).Id, text = "<p>五月进展：完成航线谈判</p>" });
        created.EnsureSuccessStatusCode();
        var report = (await created.Content.ReadFromJsonAsync<ReportItem>())!;
        (await office.PutAsJsonAsync($"/api/units/{unitId}/approval", new { required = true })).EnsureSuccessStatusCode();
        return (unitId, liaison, await Accounts.BearerClientAsync(app.Factory, leader.UserName!), leader.UserName!,
            await Accounts.BearerClientAsync(app.Factory, other.UserName!), report.Id);
    }

    [Fact]
    public async Task The_units_leader_approves_before_the_office_sees_the_report_and_the_office_sees_who_approved()
    {
        var (_, liaison, leader, leaderName, otherLeader, id) = await UnitWithDraftAsync(0);

        var submitted = await (await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).Content.ReadFromJsonAsync<ReportItem>();
        Assert.Equal("awaitingApproval", submitted!.State);
        Assert.Null(submitted.SubmittedAt);
        // Not in the office's queue, and the office cannot accept what it has not received.
        var queue = await office.GetFromJsonAsync<List<ReportItem>>("/api/reports?state=submitted");
        Assert.DoesNotContain(queue!, r => r.Id == id);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/reports/{id}/accept", new { })).StatusCode);
        // Neither the office nor another unit's leader signs for this unit.
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsJsonAsync($"/api/reports/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.PostAsJsonAsync($"/api/reports/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.PostAsJsonAsync($"/api/reports/{id}/send-back", new { comment = "改" })).StatusCode);
        Assert.DoesNotContain(await otherLeader.GetFromJsonAsync<List<AwaitingReport>>("/api/approvals") ?? [], r => r.Id == id);
        Assert.Contains(await leader.GetFromJsonAsync<List<AwaitingReport>>("/api/approvals") ?? [], r => r.Id == id);

        var approved = await leader.PostAsJsonAsync($"/api/reports/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var detail = await office.GetFromJsonAsync<ReportItem>($"/api/reports/{id}");
        Assert.Equal("submitted", detail!.State);
        Assert.Equal(leaderName, detail.ApprovedBy);
        Assert.Equal(JiaowangFactory.Today, detail.ApprovedAt);
        Assert.Contains(detail.Versions!, v => v.Action == "approve" && v.By == leaderName);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsJsonAsync($"/api/reports/{id}/approve", new { })).StatusCode);

        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        var review = await browser.GetStringAsync("/office/review");
        Assert.Contains($"审签：{leaderName}", review);
        Assert.Contains($"审签：{leaderName}", await browser.GetStringAsync($"/work/reports/{id}"));
    }

    [Fact]
    public async Task The_leader_sends_back_with_a_comment_and_the_liaisons_next_submit_waits_for_the_leader_again()
    {
        var (_, liaison, leader, leaderName, _, id) = await UnitWithDraftAsync(1);
        (await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).EnsureSuccessStatusCode();

        var blank = await leader.PostAsJsonAsync($"/api/reports/{id}/send-back", new { comment = " " });
        var sent = await leader.PostAsJsonAsync($"/api/reports/{id}/send-back", new { comment = "补充客运量数据" });

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("comment", await blank.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var seen = await liaison.GetFromJsonAsync<ReportItem>($"/api/reports/{id}");
        Assert.Equal("returned", seen!.State);
        Assert.Equal("补充客运量数据", seen.ReviewComment);
        Assert.Equal(leaderName, seen.ReviewedBy);
        (await liaison.PutAsJsonAsync($"/api/reports/{id}", new { text = "<p>补充后</p>", version = seen.Version })).EnsureSuccessStatusCode();
        var again = await (await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).Content.ReadFromJsonAsync<ReportItem>();
        Assert.Equal("awaitingApproval", again!.State);
    }

    [Fact]
    public async Task Only_the_office_or_the_units_own_leader_switch_approval_and_not_while_reports_wait()
    {
        var (unitId, liaison, leader, _, otherLeader, id) = await UnitWithDraftAsync(2);

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/units/{unitId}/approval", new { required = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLeader.PutAsJsonAsync($"/api/units/{unitId}/approval", new { required = false })).StatusCode);
        (await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PutAsJsonAsync($"/api/units/{unitId}/approval", new { required = false })).StatusCode);
        (await leader.PostAsJsonAsync($"/api/reports/{id}/approve", new { })).EnsureSuccessStatusCode();

        var off = await leader.PutAsJsonAsync($"/api/units/{unitId}/approval", new { required = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await office.GetFromJsonAsync<UnitApproval>($"/api/units/{unitId}/approval"))!.LeaderApprovesReports);
    }
}

public sealed class SqliteApprovalTests() : ApprovalTests(DatabaseProvider.Sqlite);

public sealed class PostgresApprovalTests() : ApprovalTests(DatabaseProvider.Postgres);
