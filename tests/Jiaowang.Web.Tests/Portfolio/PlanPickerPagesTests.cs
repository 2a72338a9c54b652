using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Portfolio;

/// <summary>
/// Every office page that shows one plan's data has the plan picker (issue 14, item 5): choosing the second plan shows
/// that plan's meetings, follow-ups, periods, ladder, evaluations and registry bindings, and the choice is remembered
/// for the next page.
/// </summary>
public sealed class PlanPickerPagesTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;
    int second;

    const string SecondPlan = """
        某区国际交往中心工作方案

        一、工作阶段

        （一）动员部署阶段（2026年3月）。制定方案。
        （二）办理落实阶段（2026年4月—9月）。开展工作。

        二、重点任务

        1.深化国际友城合作。一是拓展友城网络。（牵头单位：市委外办；配合单位：市商务局；完成时限：2026年12月底前）
        """;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
        office = await app.OfficeAsync();
        var read = PlanDocumentReader.Read("区方案.txt", Encoding.UTF8.GetBytes(SecondPlan));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(read.Plan!, "区方案.txt", read.Text!, replace: false);
        second = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Plans.Where(p => p.Title == "某区国际交往中心工作方案").Select(p => p.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    async Task MeetingAsync(int planId, string title, int unitId)
    {
        var meeting = await office.PostAsJsonAsync($"/api/plans/{planId}/meetings", new
        {
            kind = "officeMeeting", title, heldOn = "2026-06-10",
            decisions = new[] { new { text = title + "的决定", unitId, deadline = "2026-07-30" } },
        });
        meeting.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_dashboard_picker_lists_a_plan_imported_after_it_was_first_shown_and_remembers_the_choice()
    {
        // The dashboard keeps its list of plans between requests: a plan imported since must still be there at once.
        Assert.Contains($"<option value=\"{second}\"", await office.GetStringAsync("/dashboard"));
        var read = PlanDocumentReader.Read("县方案.txt", Encoding.UTF8.GetBytes(SecondPlan.Replace("某区", "某县")));
        int third;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(read.Plan!, "县方案.txt", read.Text!, replace: false);
            third = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Plans.Where(p => p.Title == "某县国际交往中心工作方案").Select(p => p.Id).SingleAsync();
        }

        // With no choice made, the newest plan is shown.
        Assert.Contains($"<option value=\"{third}\" selected=\"selected\">某县国际交往中心工作方案", await office.GetStringAsync("/dashboard"));
        Assert.Contains($"<option value=\"{second}\" selected=\"selected\">", await office.GetStringAsync($"/dashboard?planId={second}"));
        Assert.Contains($"<option value=\"{second}\" selected=\"selected\">", await office.GetStringAsync("/dashboard"));
    }

    [Fact]
    public async Task Choosing_the_second_plan_shows_its_data_on_each_office_page_and_is_remembered()
    {
        var unit = app.UnitIds["市委外办"];
        await MeetingAsync(app.PlanId, "第一方案的会议", unit);
        await MeetingAsync(second, "区中心的会议", unit);
        foreach (var (plan, title) in new[] { (app.PlanId, "第一方案测评"), (second, "区中心测评") })
            (await office.PostAsJsonAsync("/api/evaluations", new { planId = plan, title, closesAt = DateTimeOffset.Parse("2026-07-01T10:00:00Z"), unitIds = (int[]?)null })).EnsureSuccessStatusCode();

        // Meetings: the picker lists both plans; the second plan's meeting shows, the first's does not.
        var meetings = await office.GetStringAsync($"/meetings?planId={second}");
        Assert.Contains("id=\"plan-picker\"", meetings);
        Assert.Contains($"<option value=\"{second}\" selected=\"selected\">", meetings);
        Assert.Contains("区中心的会议", meetings);
        Assert.DoesNotContain("第一方案的会议", meetings);

        // The choice is remembered: the next pages, opened without planId, show the second plan.
        var followUps = await office.GetStringAsync("/followups");
        Assert.Contains("id=\"plan-picker\"", followUps);
        Assert.Contains("区中心的会议的决定", followUps);
        Assert.DoesNotContain("第一方案的会议的决定", followUps);

        var periods = await office.GetFromJsonAsync<JsonElement>($"/api/plans/{second}/periods");
        var periodsPage = await office.GetStringAsync("/office/periods");
        Assert.Contains("id=\"plan-picker\"", periodsPage);
        Assert.True(periods.GetArrayLength() > 0, "the second plan's phases give it reporting periods");
        Assert.Contains($"name=\"periodId\" value=\"{periods[0].GetProperty("id").GetInt32()}\"", periodsPage);
        Assert.DoesNotContain($"name=\"periodId\" value=\"{app.Periods[0].Id}\"", periodsPage);

        var ladder = await office.GetStringAsync("/office/ladder");
        Assert.Contains($"name=\"Settings.PlanId\" value=\"{second}\"", ladder);

        var evaluations = await office.GetStringAsync("/evaluations");
        Assert.Contains("区中心测评", evaluations);
        Assert.DoesNotContain("第一方案测评", evaluations);
        Assert.Contains($"<option value=\"{second}\" selected=\"selected\">", await office.GetStringAsync("/evaluations/new"));

        // Choosing the first plan again switches every page back.
        Assert.Contains("第一方案的会议", await office.GetStringAsync($"/meetings?planId={app.PlanId}"));
        Assert.DoesNotContain("区中心的会议", await office.GetStringAsync("/meetings"));
        Assert.Contains("第一方案测评", await office.GetStringAsync("/evaluations"));

        // The registry bindings list one plan's targets: the second plan has none, the first has the partner target.
        var bindings = await office.GetStringAsync($"/partners/bindings?planId={second}");
        Assert.Contains($"<option value=\"{second}\" selected=\"selected\">", bindings);
        Assert.DoesNotContain("国际友城和友好交流城市数量", bindings);
        Assert.Contains("国际友城和友好交流城市数量", await office.GetStringAsync($"/partners/bindings?planId={app.PlanId}"));
    }
}
