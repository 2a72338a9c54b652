using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Documents;
using Jiaowang.Web.Tests.Spreadsheets;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Security;

/// <summary>Issue 10, item 8: control characters and other bad text are refused at the door, and never break a document.</summary>
public sealed class TextInputTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    const string Transport = "市交通运输局";

    static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Clone();
    }

    [Fact]
    public async Task A_reading_source_or_report_text_with_a_control_character_is_refused_naming_the_field()
    {
        using var office = await app.OfficeAsync();
        var (_, liaison) = await app.LiaisonAsync(Transport);
        var routes = app.TargetId("国际地区航线");
        await office.PutAsJsonAsync($"/api/targets/{routes}/units", new { unitIds = new[] { app.UnitIds[Transport] } });

        var reading = await ErrorsAsync(await liaison.PostAsJsonAsync($"/api/targets/{routes}/readings",
            new { value = 20, asOf = "2026-06-01", source = "机场航班计划\u0001" }));
        Assert.Contains("不可见的控制字符", reading.GetProperty("source")[0].GetString());
        Assert.Contains("source", reading.GetProperty("source")[0].GetString());

        var report = await ErrorsAsync(await liaison.PostAsJsonAsync("/api/reports",
            new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "新开\u0001航线" }));
        Assert.True(report.TryGetProperty("text", out _));

        var bidi = await ErrorsAsync(await office.PostAsJsonAsync("/api/partners",
            new { cityEn = "Evil\u202Egnp.exe", cityZh = "某市", country = "FR", kind = "sisterCity" }));
        Assert.Contains("文字方向", bidi.GetProperty("cityEn")[0].GetString());

        var huge = await ErrorsAsync(await liaison.PostAsJsonAsync("/api/reports",
            new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = new string('长', 100_000) }));
        Assert.Contains("太长", huge.GetProperty("text")[0].GetString());

        var english = await ErrorsAsync(await liaison.PostAsJsonAsync($"/api/targets/{routes}/readings?culture=en",
            new { value = 20, asOf = "2026-06-01", source = "机场\u0007航班" }));
        Assert.Contains("invisible control characters", english.GetProperty("source")[0].GetString());

        // Nothing was stored; emoji and ordinary text still are.
        Assert.DoesNotContain("机场航班计划", await office.GetStringAsync($"/api/plans/{app.PlanId}"));
        Assert.Equal(HttpStatusCode.Created, (await liaison.PostAsJsonAsync("/api/reports",
            new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "新开航线 ✈️ 2 条" })).StatusCode);
    }

    [Fact]
    public async Task A_form_with_a_control_character_gets_a_page_naming_the_field_and_nothing_is_saved()
    {
        var user = await Accounts.CreateAsync(app.Factory, "liaison", Transport);
        using var liaison = await Accounts.CookieClientAsync(app.Factory, user.UserName!);
        var newUrl = $"/work/reports/new?periodId={app.Monthly(5).Id}&taskId={app.TaskIds[5]}";
        var refused = await Accounts.PostFormAsync(liaison, newUrl + "&handler=Save", new() { ["Text"] = "五月\u0001进展" }, newUrl);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("“Text”含有不可见的控制字符", page);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Reports.AnyAsync(r => r.Text.Contains("五月")));
    }

    [Fact]
    public async Task Text_stored_with_a_control_character_before_the_rule_still_gives_every_document()
    {
        await DocumentsData.FillAsync(app);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            // As an old row would be: put in before the input rule existed, or by hand in the database.
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            await db.Reports.ExecuteUpdateAsync(s => s.SetProperty(r => r.Text, r => "<p>控制\u0001字符\u000B</p>" + r.Text));
            await db.Readings.ExecuteUpdateAsync(s => s.SetProperty(r => r.Source, r => r.Source + "\u0001\uFFFF"));
        }
        using var office = await app.OfficeAsync();

        var xlsx = await office.GetAsync($"/api/plans/{app.PlanId}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Empty(Workbooks.ValidationErrors(await xlsx.Content.ReadAsByteArrayAsync()));

        foreach (var url in new[] { $"/api/plans/{app.PlanId}/summary.docx", $"/api/plans/{app.PlanId}/bulletin.docx?from=2026-04-01&to=2026-06-15" })
        {
            var docx = await office.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
            var bytes = await docx.Content.ReadAsByteArrayAsync();
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
            Assert.Contains("控制字符", DocumentsData.Text(bytes));
        }
    }
}
