using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Leadership;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.Leadership;

/// <summary>The plan's leading group kept by the office, leaders' own tasks first, and what liaisons see of other units.</summary>
public sealed class LeadingGroupTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    string Group => $"/api/plans/{app.PlanId}/leading-group";

    async Task<LeadingGroupItem> AddAsync(object member)
    {
        var response = await office.PostAsJsonAsync(Group, member);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeadingGroupItem>())!;
    }

    [Fact]
    public async Task The_office_keeps_the_leading_group_as_the_plan_sets_it_up_and_signed_in_users_read_it()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        var head = await AddAsync(new { name = "张副市长", post = "head", title = "市政府副市长", unitId = (int?)null, userName = leader.UserName });
        var deputy = await AddAsync(new { name = "李主任", post = "deputyHead", title = "市委外办主任", unitId = (int?)null, userName = (string?)null });
        var member = await AddAsync(new { name = "王局长", post = "member", title = "市交通运输局局长", unitId = app.UnitIds["市交通运输局"], userName = (string?)null });

        var badPost = await office.PostAsJsonAsync(Group, new { name = "赵", post = "chairman", title = "", unitId = (int?)null, userName = (string?)null });
        var unknownLeader = await office.PostAsJsonAsync(Group, new { name = "赵", post = "member", title = "", unitId = (int?)null, userName = "nobody-here" });
        var edited = await office.PutAsJsonAsync($"/api/leading-group/{member.Id}", new { name = "王局长", post = "member", title = "市交通运输局党组书记、局长", unitId = app.UnitIds["市交通运输局"], userName = (string?)null });
        var ordered = await office.PutAsJsonAsync($"{Group}/order", new { ids = new[] { head.Id, member.Id, deputy.Id } });
        var incomplete = await office.PutAsJsonAsync($"{Group}/order", new { ids = new[] { head.Id } });

        Assert.Equal("组长", head.PostName);
        Assert.Equal(leader.UserName, head.UserName);
        Assert.Equal(HttpStatusCode.BadRequest, badPost.StatusCode);
        Assert.Contains("post", await badPost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownLeader.StatusCode);
        Assert.Contains("userName", await unknownLeader.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);

        // A liaison reads the group; only the office changes it; strangers are asked to sign in.
        var (_, liaison) = await app.LiaisonAsync("市商务局");
        var read = (await liaison.GetFromJsonAsync<List<LeadingGroupItem>>(Group))!;
        Assert.Equal(new[] { "张副市长", "王局长", "李主任" }, read.Select(m => m.Name));
        Assert.Equal("市交通运输局党组书记、局长", read[1].Title);
        Assert.Equal("市交通运输局", read[1].UnitName);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync(Group, new { name = "x", post = "member" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.DeleteAsync($"/api/leading-group/{deputy.Id}")).StatusCode);
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Group)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/leading-group/{deputy.Id}")).StatusCode);
        Assert.DoesNotContain(await office.GetFromJsonAsync<List<LeadingGroupItem>>(Group) ?? [], m => m.Id == deputy.Id);
    }

    [Fact]
    public async Task The_office_adds_a_member_on_the_page_and_a_liaison_reads_it_without_the_forms()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        var page = $"/plans/{app.PlanId}/leading-group";

        var added = await Accounts.PostFormAsync(browser, page + "?handler=Add", new()
        {
            ["input.Name"] = "陈秘书长", ["input.Post"] = "deputyHead", ["input.Title"] = "市政府副秘书长", ["input.UnitId"] = "", ["input.UserName"] = "",
        }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var liaisonUser = await Accounts.CreateAsync(app.Factory, "liaison", "市商务局");
        using var liaison = await Accounts.CookieClientAsync(app.Factory, liaisonUser.UserName!);
        var read = await liaison.GetStringAsync(page);
        Assert.Contains("陈秘书长", read);
        Assert.Contains("副组长", read);
        Assert.DoesNotContain("handler=Add", read);
    }

    [Fact]
    public async Task A_leader_sees_the_tasks_of_their_unit_first_then_those_of_their_leading_group_unit()
    {
        var leader = await Accounts.CreateAsync(app.Factory, "leader", "市交通运输局");
        await AddAsync(new { name = "刘局长", post = "member", title = "市商务局局长", unitId = app.UnitIds["市商务局"], userName = leader.UserName });
        using var client = await Accounts.BearerClientAsync(app.Factory, leader.UserName!);

        var tasks = await client.GetFromJsonAsync<List<LeaderTask>>("/api/me/leader-tasks");

        Assert.Contains(tasks!, t => t.Why == "unit" && t.Number == 5);
        Assert.Contains(tasks!, t => t.Why == "group" && t.UnitId == app.UnitIds["市商务局"]);
        Assert.True(tasks!.FindIndex(t => t.Why == "group") > tasks.FindLastIndex(t => t.Why == "unit"));
        using var browser = await Accounts.CookieClientAsync(app.Factory, leader.UserName!);
        var dashboard = await browser.GetStringAsync("/dashboard");
        Assert.Contains("我的任务", dashboard);
        Assert.Contains($"href=\"/tasks/{app.TaskIds[5]}\"", dashboard);
    }

    [Fact]
    public async Task A_liaison_sees_other_units_overdue_reports_only_as_a_count()
    {
        // 15 June: April's and May's reports are overdue everywhere, nothing has come in.
        var liaisonUser = await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局");
        using var liaison = await Accounts.CookieClientAsync(app.Factory, liaisonUser.UserName!);

        var overview = await liaison.GetStringAsync("/");

        Assert.Contains("others-overdue", overview);
        var list = Regex.Match(overview, "<table class=\"overdue-list\".*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("市交通运输局", list);
        Assert.DoesNotContain("市商务局", list);
        Assert.Equal(Regex.Matches(list, "<a href=\"/units/").Count, Regex.Matches(list, $"<a href=\"/units/{app.UnitIds["市交通运输局"]}\"").Count);
    }
}
