using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jiaowang.Web.Tests;

public sealed class PlanApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task The_plan_api_returns_the_whole_plan()
    {
        using var client = app.Client();
        var id = await app.WuhanPlanIdAsync();

        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{id}"));
        var root = plan.RootElement;

        Assert.Equal("武政办〔2026〕26号", root.GetProperty("documentNumber").GetString());
        Assert.Equal(19, root.GetProperty("targets").GetArrayLength());
        Assert.Equal(12, root.GetProperty("tasks").GetArrayLength());
        Assert.Equal(31, root.GetProperty("units").GetArrayLength());
        var phases = root.GetProperty("phases").EnumerateArray().Select(p => (p.GetProperty("start").GetString(), p.GetProperty("end").GetString())).ToList();
        Assert.Equal([("2026-03", "2026-03"), ("2026-04", "2026-09"), ("2026-10", "2026-12")], phases);

        var visitors = root.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("text").GetString()!.Contains("入境游客"));
        Assert.Equal(156m, visitors.GetProperty("value").GetDecimal());
        Assert.Equal("万人次", visitors.GetProperty("unit").GetString());
        Assert.Equal(1_560_000m, visitors.GetProperty("normalizedValue").GetDecimal());

        var task12 = root.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetInt32() == 12);
        Assert.Equal("市委外办", task12.GetProperty("leadUnits")[0].GetProperty("name").GetString());
        Assert.Equal(7, task12.GetProperty("coUnits").GetArrayLength());
    }

    [Fact]
    public async Task Json_carries_chinese_as_characters()
    {
        using var client = app.Client();
        var id = await app.WuhanPlanIdAsync();
        var body = await client.GetStringAsync($"/api/plans/{id}");
        Assert.Contains("市委外办", body);
        Assert.DoesNotContain("\\u5E02", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_unit_api_lists_led_and_supported_tasks()
    {
        using var client = app.Client();
        var id = await app.WuhanPlanIdAsync();
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{id}"));
        var unitId = plan.RootElement.GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("name").GetString() == "市委外办").GetProperty("id").GetInt32();

        using var unit = JsonDocument.Parse(await client.GetStringAsync($"/api/units/{unitId}"));

        Assert.Equal([1, 12], unit.RootElement.GetProperty("leads").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()));
        Assert.Equal(0, unit.RootElement.GetProperty("supports").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_ids_get_problem_details()
    {
        using var client = app.Client();
        foreach (var url in new[] { "/api/plans/987654", "/api/units/987654" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_plan_endpoints()
    {
        using var client = app.Client();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/plans", out _));
        Assert.True(paths.TryGetProperty("/api/plans/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/units/{id}", out _));
    }

    [Fact]
    public async Task The_plan_list_names_each_plan()
    {
        using var client = app.Client();
        var plans = await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans");
        Assert.Contains(plans!, p => p.Title == "市政协十四届五次会议3号建议案办理工作方案");
    }

    [Fact]
    public async Task Without_readings_every_target_is_at_risk_in_June_and_says_why()
    {
        using var client = app.Client();
        var id = await app.WuhanPlanIdAsync();
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{id}?culture=en"));

        Assert.All(plan.RootElement.GetProperty("targets").EnumerateArray(), t =>
        {
            Assert.Equal("atRisk", t.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, t.GetProperty("current").ValueKind);
            // The reason names the target's rule first (docs/STATUS-RULES.md, "Target kinds"), then why.
            Assert.EndsWith(": No figure reported yet, with 35% of the time gone", t.GetProperty("statusReason").GetString());
        });
    }
}
