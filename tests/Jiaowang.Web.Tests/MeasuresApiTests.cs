using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests;

/// <summary>Each task's named measures (一是…二是…) are stored on import and tracked one by one (issue 14, item 6).</summary>
public sealed class MeasuresApiTests : IAsyncLifetime
{
    SupervisionApp app = null!;

    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    const string PlanWithMeasures = """
        某市国际交往工作方案

        一、重点任务

        1.深化国际友城合作。一是拓展友城网络；二是办好国际友城合作论坛。（牵头单位：市委外办；配合单位：市商务局；完成时限：2026年12月底前）

        2.举办国际美食节。（责任单位：市商务局）
        """;

    [Fact]
    public async Task Importing_a_plan_stores_each_tasks_measures_with_the_tasks_deadline()
    {
        var read = PlanDocumentReader.Read("方案.txt", Encoding.UTF8.GetBytes(PlanWithMeasures));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(read.Plan!, "方案.txt", read.Text!, replace: false);
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();

        var planId = await db.Plans.Where(p => p.Title == "某市国际交往工作方案").Select(p => p.Id).SingleAsync();
        var measures = await db.Measures.AsNoTracking().Where(m => m.Task!.Group!.PlanId == planId)
            .OrderBy(m => m.Task!.Number).ThenBy(m => m.Position).Select(m => new { m.Task!.Number, m.Text, m.Deadline, m.Status }).ToListAsync();
        Assert.Equal(
            [(1, "一是拓展友城网络", "2026年12月底前", MeasureStatus.Open), (1, "二是办好国际友城合作论坛", "2026年12月底前", MeasureStatus.Open)],
            measures.Select(m => (m.Number, m.Text, m.Deadline, m.Status)).ToList());
    }

    async Task<int> SeedMeasuresAsync()
    {
        var taskId = app.TaskIds[1];
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        db.Measures.AddRange(
            new Measure { PlanTaskId = taskId, Position = 0, Text = "一是办好国际友城合作论坛", Deadline = "2026年10月底前" },
            new Measure { PlanTaskId = taskId, Position = 1, Text = "二是新增国际友好城市" });
        await db.SaveChangesAsync();
        return taskId;
    }

    [Fact]
    public async Task Staff_read_a_tasks_measures_and_only_the_office_marks_one_done()
    {
        var taskId = await SeedMeasuresAsync();
        using var office = await app.OfficeAsync();
        var (_, liaison) = await app.LiaisonAsync("市商务局");

        var list = await liaison.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/measures");
        Assert.Equal(2, list.GetArrayLength());
        var first = list[0];
        Assert.Equal("一是办好国际友城合作论坛", first.GetProperty("text").GetString());
        Assert.Equal("市委外办", first.GetProperty("leadUnits")[0].GetString());
        Assert.Equal("2026年10月底前", first.GetProperty("deadline").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        var id = first.GetProperty("id").GetInt32();

        // The task page, kept for signed-in readers until a write, shows each change at the next reading.
        Assert.Contains($"data-measure-id=\"{id}\"", await office.GetStringAsync($"/tasks/{taskId}"));
        Assert.Contains("class=\"status open\"", await office.GetStringAsync($"/tasks/{taskId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/measures/{id}", new { done = true })).StatusCode);
        var done = await office.PutAsJsonAsync($"/api/measures/{id}", new { done = true });
        done.EnsureSuccessStatusCode();
        Assert.Equal("done", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("done", (await liaison.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/measures"))[0].GetProperty("status").GetString());
        var page = await office.GetStringAsync($"/tasks/{taskId}");
        Assert.Contains("class=\"status done\"", page);
        Assert.Contains("class=\"status open\"", page); // the second measure

        (await office.PutAsJsonAsync($"/api/measures/{id}", new { done = false })).EnsureSuccessStatusCode();
        Assert.Equal("open", (await office.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/measures"))[0].GetProperty("status").GetString());
        Assert.DoesNotContain("class=\"status done\"", await office.GetStringAsync($"/tasks/{taskId}"));

        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsJsonAsync("/api/measures/999999", new { done = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/tasks/999999/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync($"/api/tasks/{taskId}/measures")).StatusCode);
    }

    [Fact]
    public async Task The_task_page_lists_the_measures_with_their_lead_and_deadline()
    {
        var taskId = await SeedMeasuresAsync();
        var html = await app.Factory.CreateClient().GetStringAsync($"/tasks/{taskId}");

        Assert.Contains("具体举措", html);
        Assert.Contains("一是办好国际友城合作论坛", html);
        Assert.Contains("2026年10月底前", html);
        Assert.DoesNotContain("推进中", html); // the status is for signed-in staff
    }
}
