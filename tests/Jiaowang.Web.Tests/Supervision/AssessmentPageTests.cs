using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>/office/assessment: the office reads the ranking with what cost each unit points, exports it, and sets the weights.</summary>
public sealed class AssessmentPageTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    static Dictionary<string, string> Weights(string reportsOnTime = "40", string satisfaction = "10") => new()
    {
        ["Weights[reportsOnTime]"] = reportsOnTime, ["Weights[acceptedFirstTime]"] = "20", ["Weights[noExtensions]"] = "0",
        ["Weights[followUpsClosed]"] = "10", ["Weights[instructionsAnswered]"] = "10", ["Weights[noticesAnsweredInTime]"] = "10",
        ["Weights[satisfaction]"] = satisfaction,
    };

    [Fact]
    public async Task The_office_sees_the_ranking_explained_exports_it_and_sets_the_weights_with_bad_ones_named()
    {
        var office = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "office")).UserName!);
        var page = await office.GetStringAsync("/office/assessment");
        Assert.Contains("<h1>结果考评</h1>", page);
        Assert.Contains($"href=\"/api/plans/{app.PlanId}/assessment/assessment.xlsx\"", page);
        Assert.Contains("满分 100 分", page);
        // Nobody has reported: every unit lost the on-time points, and the page says how many reports that was.
        Assert.Matches(@"按时报送扣 25 分（\d+ 项中 0 项达标）", page);
        Assert.Contains("市交通运输局", page);
        Assert.Contains("name=\"Weights[reportsOnTime]\"", page);
        // The office pages link to it.
        Assert.Contains("href=\"/office/assessment\"", await office.GetStringAsync("/office/review"));

        // A negative number and a word are refused, each named by its criterion; nothing is stored.
        var bad = await Accounts.PostFormAsync(office, "/office/assessment", Weights(reportsOnTime: "-5", satisfaction: "很多"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("“按时报送”的权重须为 0 到 100 之间的整数。", refused);
        Assert.Contains("“满意度测评”的权重须为 0 到 100 之间的整数。", refused);
        Assert.Contains("value=\"-5\"", refused);
        Assert.Contains("满分 100 分", await office.GetStringAsync("/office/assessment"));

        var saved = await Accounts.PostFormAsync(office, "/office/assessment", Weights());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await office.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("权重已保存", page);
        Assert.Matches(@"按时报送扣 40 分（\d+ 项中 0 项达标）", page);
        Assert.Contains("value=\"40\"", page);
        Assert.DoesNotContain("未申请延期扣", page);
        using var api = await app.OfficeAsync();
        var weights = JsonNode.Parse(await api.GetStringAsync($"/api/plans/{app.PlanId}/assessment"))!["weights"]!;
        Assert.Equal(40, weights["reportsOnTime"]!.GetValue<int>());
        Assert.Equal(0, weights["noExtensions"]!.GetValue<int>());

        // In English too (the culture sticks to this client from here on).
        var english = await Accounts.PostFormAsync(office, "/office/assessment?culture=en", Weights(reportsOnTime: "-5"), "/office/assessment?culture=en");
        Assert.Contains("The weight for “Reports on time” must be a whole number from 0 to 100.", await english.Content.ReadAsStringAsync());

        // A liaison does not get the page.
        var liaison = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局")).UserName!);
        Assert.NotEqual(HttpStatusCode.OK, (await liaison.GetAsync("/office/assessment")).StatusCode);
    }
}
