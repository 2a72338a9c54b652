using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Tasks;

/// <summary>
/// Units' own work plans (具体工作方案, issue 14 item 6): a responsible unit writes or uploads its plan, sees only its own,
/// the office accepts or returns it with a comment, and monthly reports give progress per measure.
/// </summary>
public abstract class WorkPlanTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!, first = null!, second = null!, outsider = null!;
    int taskId;
    string firstUnit = "", secondUnit = "";

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider);
        office = await app.OfficeAsync();
        // A task two of the plan's units share, and a unit that has no part in it.
        using var plan = JsonDocument.Parse(await office.GetStringAsync($"/api/plans/{app.PlanId}"));
        var task = plan.RootElement.GetProperty("tasks").EnumerateArray().First(t =>
            t.GetProperty("leadUnits").EnumerateArray().Concat(t.GetProperty("coUnits").EnumerateArray())
                .Count(u => u.GetProperty("name").GetString()!.StartsWith('市') && app.UnitIds.ContainsKey(u.GetProperty("name").GetString()!)) >= 2);
        taskId = task.GetProperty("id").GetInt32();
        var units = task.GetProperty("leadUnits").EnumerateArray().Concat(task.GetProperty("coUnits").EnumerateArray())
            .Select(u => u.GetProperty("name").GetString()!).Where(u => u.StartsWith('市') && app.UnitIds.ContainsKey(u)).ToList();
        (firstUnit, secondUnit) = (units[0], units[1]);
        first = (await app.LiaisonAsync(firstUnit)).Client;
        second = (await app.LiaisonAsync(secondUnit)).Client;
        outsider = (await app.LiaisonAsync(app.UnitIds.Keys.First(u => !units.Contains(u) && u.StartsWith('市')))).Client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { office, first, second, outsider }) client.Dispose();
        await app.DisposeAsync();
    }

    async Task<JsonElement> SaveAsync(HttpClient liaison, string text, params string[] measures)
    {
        var response = await liaison.PutAsJsonAsync($"/api/tasks/{taskId}/workplan",
            new { text, measures = measures.Select(m => new { text = m, start = (string?)null, due = "2026-09-30" }).ToArray() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static ByteArrayContent File(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };

    [Fact]
    public async Task A_liaison_sees_and_edits_only_its_own_units_work_plan_and_the_office_sees_every_unit()
    {
        var mine = await SaveAsync(first, "甲单位具体工作方案", "一是制定航线计划");
        Assert.Equal("submitted", mine.GetProperty("state").GetString());
        Assert.Equal("2026-09-30", mine.GetProperty("measures")[0].GetProperty("due").GetString());
        await SaveAsync(second, "乙单位具体工作方案", "一是配合开展推介");

        var seen = await first.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/workplans");
        Assert.Equal([firstUnit], seen.EnumerateArray().Select(p => p.GetProperty("unit").GetString()).ToList());
        Assert.Equal(2, (await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/workplans")).GetArrayLength());

        var id = mine.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/workplans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync($"/api/workplans/{id}/file?fileName=a.pdf", File("%PDF-1.4\n%%EOF\n"u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsJsonAsync($"/api/workplans/{id}/accept", new { comment = "" })).StatusCode);
        var stranger = await outsider.PutAsJsonAsync($"/api/tasks/{taskId}/workplan", new { text = "不相干单位的方案", measures = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("牵头或配合单位", await stranger.Content.ReadAsStringAsync());

        // The page shows the liaison its own plan only; the office every unit's.
        var page = await first.GetStringAsync($"/work/tasks/{taskId}/workplan");
        Assert.Contains("甲单位具体工作方案", page);
        Assert.DoesNotContain("乙单位具体工作方案", page);
        var officePage = await office.GetStringAsync($"/work/tasks/{taskId}/workplan");
        Assert.Contains("甲单位具体工作方案", officePage);
        Assert.Contains("乙单位具体工作方案", officePage);
        var refused = await outsider.GetAsync($"/work/tasks/{taskId}/workplan");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("甲单位具体工作方案", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_office_returns_a_work_plan_with_a_comment_the_unit_sees_and_accepts_it_once_corrected()
    {
        var id = (await SaveAsync(first, "甲单位具体工作方案", "一是制定航线计划")).GetProperty("id").GetInt32();

        // An uploaded document is checked by its content: a PNG named .pdf, or a spreadsheet, is refused.
        var fake = await first.PostAsync($"/api/workplans/{id}/file?fileName=方案.pdf", File([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("Word", await fake.Content.ReadAsStringAsync());
        var sheet = await first.PostAsync($"/api/workplans/{id}/file?fileName=方案.xlsx", File([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, sheet.StatusCode);
        var pdf = await first.PostAsync($"/api/workplans/{id}/file?fileName=方案.pdf", File("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("方案.pdf", (await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("file").GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", (await office.GetAsync($"/api/workplans/{id}/file")).Content.Headers.ContentType!.MediaType);

        var bare = await office.PostAsJsonAsync($"/api/workplans/{id}/return", new { comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("comment", await bare.Content.ReadAsStringAsync());
        (await office.PostAsJsonAsync($"/api/workplans/{id}/return", new { comment = "请补充各项举措的时间节点" })).EnsureSuccessStatusCode();

        var returned = await first.GetFromJsonAsync<JsonElement>($"/api/workplans/{id}");
        Assert.Equal("returned", returned.GetProperty("state").GetString());
        Assert.Equal("请补充各项举措的时间节点", returned.GetProperty("reviewComment").GetString());
        Assert.Contains("请补充各项举措的时间节点", await first.GetStringAsync($"/work/tasks/{taskId}/workplan"));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/workplans/{id}/accept", new { comment = (string?)null })).StatusCode);

        // Corrected and sent again, it is accepted.
        Assert.Equal("submitted", (await SaveAsync(first, "甲单位具体工作方案（修改稿）", "一是制定航线计划", "二是开通新航线")).GetProperty("state").GetString());
        var accepted = await office.PostAsJsonAsync($"/api/workplans/{id}/accept", new { comment = (string?)null });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await first.GetFromJsonAsync<JsonElement>($"/api/workplans/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_monthly_report_gives_progress_on_the_plans_measures_and_the_accepted_work_plans_own()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            db.Measures.Add(new Measure { PlanTaskId = taskId, Position = 0, Text = "一是办好国际航线推介会", Deadline = "2026年10月底前" });
            await db.SaveChangesAsync();
        }
        var id = (await SaveAsync(first, "甲单位具体工作方案", "开通新航线")).GetProperty("id").GetInt32();
        var created = await first.PostAsJsonAsync("/api/reports", new { taskId, periodId = app.Monthly(6).Id, text = "六月进展" });
        created.EnsureSuccessStatusCode();
        var report = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // Until the office accepts the unit's plan, only the plan's measures are listed.
        var before = await first.GetFromJsonAsync<JsonElement>($"/api/reports/{report}/measures");
        Assert.Equal(["一是办好国际航线推介会"], before.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
        (await office.PostAsJsonAsync($"/api/workplans/{id}/accept", new { comment = (string?)null })).EnsureSuccessStatusCode();
        var listed = await first.GetFromJsonAsync<JsonElement>($"/api/reports/{report}/measures");
        Assert.Equal(["plan", "workPlan"], listed.EnumerateArray().Select(m => m.GetProperty("source").GetString()).ToList());
        var planMeasure = listed[0].GetProperty("measureId").GetInt32();
        var ownMeasure = listed[1].GetProperty("workPlanMeasureId").GetInt32();

        var bad = await first.PutAsJsonAsync($"/api/reports/{report}/measures", new { items = new[] { new { measureId = (int?)planMeasure, workPlanMeasureId = (int?)null, status = "almost", note = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", await bad.Content.ReadAsStringAsync());
        var saved = await first.PutAsJsonAsync($"/api/reports/{report}/measures", new
        {
            items = new[]
            {
                new { measureId = (int?)planMeasure, workPlanMeasureId = (int?)null, status = "inProgress", note = "推介会场地已落实" },
                new { measureId = (int?)null, workPlanMeasureId = (int?)ownMeasure, status = "done", note = "六月开通" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await office.GetFromJsonAsync<JsonElement>($"/api/reports/{report}/measures");
        Assert.Equal([("inProgress", "推介会场地已落实"), ("done", "六月开通")],
            read.EnumerateArray().Select(m => (m.GetProperty("status").GetString(), m.GetProperty("note").GetString())).ToList());

        // Another unit can neither read nor write this report's progress; the report page shows it to the office.
        Assert.Equal(HttpStatusCode.NotFound, (await second.PutAsJsonAsync($"/api/reports/{report}/measures", new { items = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/reports/{report}/measures")).StatusCode);
        var page = await office.GetStringAsync($"/work/reports/{report}");
        Assert.Contains("推介会场地已落实", page);
        Assert.Contains("已完成", page);

        // Once sent, the report's progress is fixed.
        (await first.PostAsJsonAsync($"/api/reports/{report}/submit", new { })).EnsureSuccessStatusCode();
        var late = await first.PutAsJsonAsync($"/api/reports/{report}/measures", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }
}

public sealed class SqliteWorkPlanTests() : WorkPlanTests(DatabaseProvider.Sqlite);

public sealed class PostgresWorkPlanTests() : WorkPlanTests(DatabaseProvider.Postgres);
