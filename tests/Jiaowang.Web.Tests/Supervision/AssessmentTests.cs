using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>结果考评: the office sets weights, every reporting unit is scored, ranked and explained, and exported.</summary>
public abstract class AssessmentTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;
    readonly AssessmentClock clock = new(JiaowangFactory.Today);

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<ReminderOptions>(o => o.Automatic = false);
            services.Configure<LadderOptions>(o => o.Automatic = false);
        });
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_unit_that_reported_on_time_ranks_above_the_rest_and_the_points_lost_are_explained()
    {
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        // The April report goes in on 1 May, before its deadline; then it is mid-June again.
        clock.Now = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var created = await transport.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(4).Id, text = "四月" });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        (await transport.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).EnsureSuccessStatusCode();
        clock.Now = JiaowangFactory.Today;
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.GetAsync($"/api/plans/{app.PlanId}/assessment")).StatusCode);

        var bad = await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/assessment/weights", new
            { reportsOnTime = 150, acceptedFirstTime = 20, noExtensions = 5, followUpsClosed = 15, instructionsAnswered = 10, noticesAnsweredInTime = 0, satisfaction = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("reportsOnTime", await bad.Content.ReadAsStringAsync());
        (await office.PutAsJsonAsync($"/api/plans/{app.PlanId}/assessment/weights", new
            { reportsOnTime = 60, acceptedFirstTime = 10, noExtensions = 5, followUpsClosed = 5, instructionsAnswered = 5, noticesAnsweredInTime = 5, satisfaction = 10 })).EnsureSuccessStatusCode();

        var result = JsonNode.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}/assessment"))!;
        Assert.Equal(60, result["weights"]!["reportsOnTime"]!.GetValue<int>());
        var units = result["units"]!.AsArray();
        Assert.True(units.Count > 20);
        var first = units[0]!;
        Assert.Equal("市交通运输局", first["unitName"]!.GetValue<string>());
        Assert.Equal(100m, first["max"]!.GetValue<decimal>());
        var late = units.First(u => u!["unitName"]!.GetValue<string>() == "市商务局")!;
        Assert.True(late["score"]!.GetValue<decimal>() < first["score"]!.GetValue<decimal>());
        var lost = late["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "reportsOnTime")!;
        Assert.True(lost["of"]!.GetValue<int>() > 0);
        Assert.Equal(0, lost["good"]!.GetValue<int>());
        // No notice was issued: their criterion has no items and costs nothing.
        Assert.All(units, u => Assert.Equal(0, u!["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "noticesAnsweredInTime")!["of"]!.GetValue<int>()));

        var xlsx = await office.GetAsync($"/api/plans/{app.PlanId}/assessment/assessment.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
    }

    [Fact]
    public async Task A_notice_answered_after_its_respond_by_day_costs_points_and_one_answered_in_time_does_not()
    {
        const string unit = "市交通运输局";
        var (liaisonName, liaison) = await app.LiaisonAsync(unit);
        async Task<int> IssueAsync(string subject, string respondBy)
        {
            var response = await office.PostAsJsonAsync("/api/notices",
                new { unitId = app.UnitIds[unit], subject, respondBy, relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        }
        var inTime = await IssueAsync("五月月报逾期未报", "2026-06-17");
        var late = await IssueAsync("请说明五月月报逾期原因", "2026-06-17");
        var pending = await IssueAsync("请加快推进", "2026-06-30");
        JsonNode Notices(JsonNode result) => result["units"]!.AsArray().Single(u => u!["unitName"]!.GetValue<string>() == unit)!["items"]!.AsArray()
            .Single(i => i!["code"]!.GetValue<string>() == "noticesAnsweredInTime")!;

        // Still within their answering time: nothing is judged yet.
        var before = Notices(JsonNode.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}/assessment"))!);
        Assert.Equal(0, before["of"]!.GetValue<int>());

        (await liaison.PostAsJsonAsync($"/api/notices/{inTime}/answer", new { answer = "已补报。" })).EnsureSuccessStatusCode();
        clock.Now = JiaowangFactory.Today.AddDays(4);
        // Bearer tokens last minutes and the clock moved days: sign in again.
        using var lateLiaison = await Accounts.BearerClientAsync(app.Factory, liaisonName);
        (await lateLiaison.PostAsJsonAsync($"/api/notices/{late}/answer", new { answer = "原因如下。" })).EnsureSuccessStatusCode();

        using var laterOffice = await app.OfficeAsync();
        var result = JsonNode.Parse(await laterOffice.GetStringAsync($"/api/plans/{app.PlanId}/assessment"))!;
        var notices = Notices(result);
        // Answered on time, answered two days late; the third still has until the end of June.
        Assert.Equal(2, notices["of"]!.GetValue<int>());
        Assert.Equal(1, notices["good"]!.GetValue<int>());
        Assert.Equal(10, notices["weight"]!.GetValue<int>());
        Assert.Equal(5m, notices["earned"]!.GetValue<decimal>());
        Assert.True(pending > 0);
        // Another unit without notices keeps the criterion's full weight.
        var other = result["units"]!.AsArray().Single(u => u!["unitName"]!.GetValue<string>() == "市商务局")!["items"]!.AsArray()
            .Single(i => i!["code"]!.GetValue<string>() == "noticesAnsweredInTime")!;
        Assert.Equal(10m, other["earned"]!.GetValue<decimal>());
    }
}

sealed class AssessmentClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
}

public sealed class SqliteAssessmentTests() : AssessmentTests(DatabaseProvider.Sqlite);

public sealed class PostgresAssessmentTests() : AssessmentTests(DatabaseProvider.Postgres);
