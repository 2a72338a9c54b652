using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Units;

/// <summary>
/// 各区人民政府 and 各相关区人民政府 as the office runs them: the shipped district list attached on first start, the
/// contract of <c>GET /api/units/{id}</c> and <c>GET /api/plans/{id}</c>, members named per task surviving a re-import,
/// and a district liaison owing (and only owing) what its group owes.
/// </summary>
public sealed class UnitGroupApiTests
{
    public static readonly Dictionary<string, string> WithDistricts = new() { ["Seed:Districts"] = "true" };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_task_naming_the_districts_group_is_owed_by_each_district_and_the_api_shows_group_and_members(DatabaseProvider provider)
    {
        await using var factory = new JiaowangFactory(await TestDatabase.CreateAsync(provider), settings: WithDistricts);
        await using var _ = factory.Database;
        var anonymous = factory.CreateClient();
        var planId = (await anonymous.GetFromJsonAsync<JsonElement>("/api/plans"))[0].GetProperty("id").GetInt32();
        var plan = await anonymous.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        var task12 = Task(plan, 12);
        var group = task12.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal("各区人民政府", group.GetProperty("name").GetString());
        Assert.Contains(task12.GetProperty("leadUnits").EnumerateArray().Concat(task12.GetProperty("coUnits").EnumerateArray()),
            u => u.GetProperty("name").GetString() == "各区人民政府");
        var members = group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(17, members.Count);
        Assert.Contains("江岸区", members);
        Assert.Contains("武汉东湖新技术开发区", members);

        var groupId = group.GetProperty("id").GetInt32();
        var groupDetail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{groupId}");
        Assert.Equal(17, groupDetail.GetProperty("members").GetArrayLength());
        var jiangan = group.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "江岸区").GetProperty("id").GetInt32();
        var member = await anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{jiangan}");
        Assert.Equal("各区人民政府", member.GetProperty("group").GetProperty("name").GetString());
        Assert.Contains(member.GetProperty("throughGroup").EnumerateArray(), t => t.GetProperty("number").GetInt32() == 12);

        // 各相关区人民政府: task 3 owes nothing from 江岸区 until the office names it; the choice survives a re-import.
        var relevant = Task(plan, 3).GetProperty("groups").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "各相关区人民政府").GetProperty("id").GetInt32();
        var task3 = Task(plan, 3).GetProperty("id").GetInt32();
        await Accounts.CreateAsync(factory, Roles.Office, name: "office-groups");
        await Accounts.CreateAsync(factory, Roles.Liaison, "江岸区", "liaison-jiangan");
        var office = await Accounts.BearerClientAsync(factory, "office-groups");
        var liaison = await Accounts.BearerClientAsync(factory, "liaison-jiangan");
        var periods = await liaison.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/periods");
        var may = periods.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "monthly" && p.GetProperty("start").GetString() == "2026-05-01").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/reports", new { periodId = may, taskId = task3, text = "<p>江岸区进展</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PutAsJsonAsync($"/api/tasks/{task3}/groups/{relevant}/members", new { memberIds = new[] { jiangan } })).StatusCode);
        var chosen = await office.PutAsJsonAsync($"/api/tasks/{task3}/groups/{relevant}/members", new { memberIds = new[] { jiangan } });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var notCandidate = await office.PutAsJsonAsync($"/api/tasks/{task3}/groups/{relevant}/members", new { memberIds = new[] { groupId } });
        Assert.Equal(HttpStatusCode.BadRequest, notCandidate.StatusCode);
        Assert.Contains("memberIds", await notCandidate.Content.ReadAsStringAsync());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var path = Path.Combine(AppContext.BaseDirectory, Jiaowang.Web.Data.DatabaseStartup.BundledPlanPath);
            var read = Jiaowang.Core.Documents.PlanDocumentReader.Read(path);
            var outcome = await scope.ServiceProvider.GetRequiredService<Jiaowang.Web.Features.Plans.PlanImporter>()
                .ImportAsync(read.Plan!, "wuhan-2026-26.txt", read.Text!, replace: true);
            Assert.Equal(Jiaowang.Web.Features.Plans.PlanImportStatus.Replaced, outcome.Status);
            planId = outcome.PlanId;
        }
        plan = await anonymous.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        var chosenAfter = Task(plan, 3).GetProperty("groups").EnumerateArray().Single().GetProperty("members").EnumerateArray();
        Assert.Equal(["江岸区"], chosenAfter.Select(m => m.GetProperty("name").GetString()));
        task3 = Task(plan, 3).GetProperty("id").GetInt32();
        var task12Id = Task(plan, 12).GetProperty("id").GetInt32();
        periods = await liaison.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/periods");
        may = periods.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "monthly" && p.GetProperty("start").GetString() == "2026-05-01").GetProperty("id").GetInt32();

        // Now 江岸区 owes task 3 (named) and task 12 (through 各区人民政府), and files both.
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync("/api/reports", new { periodId = may, taskId = task3, text = "<p>江岸区任务3进展</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync("/api/reports", new { periodId = may, taskId = task12Id, text = "<p>江岸区任务12进展</p>" })).StatusCode);
        var mine = await liaison.GetFromJsonAsync<JsonElement>("/api/me/tasks");
        Assert.Contains(mine.EnumerateArray(), t => t.GetProperty("number").GetInt32() == 12);
        Assert.Contains(mine.EnumerateArray(), t => t.GetProperty("number").GetInt32() == 3);

        // The office edits the list: a district removed no longer owes the group's tasks.
        var removed = await office.DeleteAsync($"/api/units/{groupId}/members/{jiangan}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(16, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.DoesNotContain((await liaison.GetFromJsonAsync<JsonElement>("/api/me/tasks")).EnumerateArray(), t => t.GetProperty("number").GetInt32() == 12);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/units/{groupId}/members", new { memberId = jiangan })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/units/{groupId}/members", new { memberId = jiangan })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync($"/api/units/{jiangan}/members", new { memberId = groupId })).StatusCode);
    }

    static JsonElement Task(JsonElement plan, int number) =>
        plan.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetInt32() == number);
}
