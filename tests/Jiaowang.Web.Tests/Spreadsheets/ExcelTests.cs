using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Spreadsheets;

/// <summary>Excel in and out on the Wuhan plan (today is 2026-06-15; the plan runs 2026-03 to 2026-12), on SQLite and PostgreSQL.</summary>
public abstract class ExcelTests(DatabaseProvider provider) : IAsyncLifetime
{
    const string Readings = "读数 Readings";
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider);
    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<(int Readings, int Audit)> StoredAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        // The app's background rounds (reminders, the ladder, notifications; actors "system:…") may write their own
        // audit rows at any moment of a test: only what people did counts here.
        return (await db.Readings.CountAsync(), await db.AuditEntries.CountAsync(e => !e.Actor.StartsWith("system:")));
    }

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] xlsx, string name = "读数.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", name);
        return await client.PostAsync(url, form);
    }

    /// <summary>The template row (Excel row number) of the target whose name contains the words.</summary>
    static int TemplateRow(byte[] template, string containing)
    {
        var cells = Workbooks.Cells(template, Readings);
        return int.Parse(cells.Single(c => c.Key.StartsWith('B') && c.Value.Contains(containing)).Key[1..]);
    }

    /// <summary>The number of a manually reported target on the template other than those at the given rows.</summary>
    static int SpareNumber(byte[] template, params int[] taken)
    {
        var cells = Workbooks.Cells(template, Readings);
        var row = Enumerable.Range(2, 100).First(r => !taken.Contains(r));
        return int.Parse(cells["A" + row]);
    }

    static int LastRow(byte[] xlsx) => Workbooks.Cells(xlsx, Readings).Keys.Select(k => int.Parse(k.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'))).Max();

    /// <summary>Lets the partner-city target count itself from the registry, as the office does on the bindings page.</summary>
    async Task<int> BindPartnerTargetAsync(HttpClient office)
    {
        var target = app.TargetId("国际友城");
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/targets/{target}/binding", new { binding = "ActivePartners" })).StatusCode);
        return target;
    }

    sealed record ImportError(string Sheet, int? Row, string? Column, string? Header, string Message);
    sealed record Refusal(string Title, List<ImportError> Errors);
    sealed record Summary(int Added, int Changed, int Unchanged);

    [Fact]
    public async Task The_export_is_a_valid_workbook_that_imports_again_without_any_change()
    {
        using var office = await app.OfficeAsync();
        // The partner-city target counts itself: its registry readings are in the export and come back unchanged.
        await BindPartnerTargetAsync(office);
        var routes = app.TargetId("国际地区航线");
        await office.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 18, asOf = "2026-04-30", source = "四月航班计划" });
        await office.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 20, asOf = "2026-05-31", source = "五月航班计划" });
        // A correction for the same date: the export carries the value that counts, 21.
        await office.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 21, asOf = "2026-05-31", source = "更正" });

        var (liaisonName, liaison) = await app.LiaisonAsync("市交通运输局");
        var report = await (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "五月进展" }))
            .Content.ReadFromJsonAsync<Features.Supervision.ReportItem>();
        await liaison.PostAsync($"/api/reports/{report!.Id}/submit", null);

        var response = await office.GetAsync($"/api/plans/{app.PlanId}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.EndsWith("-2026-06-15.xlsx", disposition.FileNameStar);
        Assert.StartsWith("市政协十四届五次会议3号建议案办理工作方案", disposition.FileNameStar);
        var export = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Workbooks.ValidationErrors(export));
        Assert.Equal(["指标 Targets", Readings, "任务 Tasks", "报告 Reports", "单位 Units"], Workbooks.SheetNames(export));

        var readings = Workbooks.Cells(export, Readings);
        Assert.Equal("日期 Date", readings["D1"]);
        var routeRows = readings.Where(c => c.Key.StartsWith('B') && c.Value.Contains("国际地区航线")).Select(c => c.Key[1..]).ToList();
        Assert.Equal(2, routeRows.Count);
        Assert.Equal(["18", "21"], routeRows.Select(r => readings["E" + r]).Order().ToList());
        // Dates are real dates: the serial of 2026-05-31 is 46173.
        Assert.Contains(routeRows, r => readings["D" + r] == (new DateOnly(2026, 5, 31).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString());

        // The May report, submitted on 15 June after its 5 June deadline; the unit with its liaison.
        var reports = Workbooks.Cells(export, "报告 Reports");
        var reportRow = reports.Single(c => c.Key.StartsWith('D') && c.Value == "市交通运输局").Key[1..];
        Assert.Equal(("已报送", "否 no", "0"), (reports["E" + reportRow], reports["G" + reportRow], reports["H" + reportRow]));
        var units = Workbooks.Cells(export, "单位 Units");
        var unitRow = units.Single(c => c.Key.StartsWith('A') && c.Value == "市交通运输局").Key[1..];
        Assert.Equal(liaisonName, units["F" + unitRow]);
        Assert.Contains("5", units["B" + unitRow].Split(", "));

        var before = await StoredAsync();
        var imported = await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", export);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var summary = await imported.Content.ReadFromJsonAsync<Summary>();
        Assert.Equal(0, summary!.Added);
        Assert.Equal(0, summary.Changed);
        Assert.Equal(3, summary.Unchanged); // two route readings and the registry count
        Assert.Contains(readings, c => c.Key.StartsWith('F') && c.Value == "登记统计 registry");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task LibreOffice_opens_the_export_and_reads_its_dates_and_numbers()
    {
        using var office = await app.OfficeAsync();
        var routes = app.TargetId("国际地区航线");
        await office.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 1234.5, asOf = "2026-05-31", source = "五月" });
        var export = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/export.xlsx");

        var csv = await Workbooks.LibreOfficeCsvAsync(export, sheetNumber: 2);
        if (csv is null) return; // LibreOffice is not installed here; ./test.sh installs it.
        Assert.Contains("日期 Date", csv);
        Assert.Contains("2026-05-31", csv);
        Assert.Contains("1234.5", csv);

        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var templateCsv = await Workbooks.LibreOfficeCsvAsync(template, sheetNumber: 1);
        Assert.Contains("武汉天河机场国际地区航线", templateCsv);
    }

    [Fact]
    public async Task A_template_with_three_bad_cells_is_refused_naming_each_cell_and_nothing_is_stored()
    {
        using var office = await app.OfficeAsync();
        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        Assert.Empty(Workbooks.ValidationErrors(template));
        Assert.Equal([Readings, "说明 Instructions"], Workbooks.SheetNames(template));
        var routes = TemplateRow(template, "国际地区航线");
        var visitors = TemplateRow(template, "入境游客");
        var last = LastRow(template);
        var spare = SpareNumber(template, routes, visitors);
        var filled = Workbooks.Fill(template, Readings, new Dictionary<string, object>
        {
            [$"D{routes}"] = "2026-02-30", [$"E{routes}"] = 21,                     // bad date
            [$"D{visitors}"] = new DateOnly(2026, 6, 1), [$"E{visitors}"] = "很多",   // not a number
            [$"A{last + 1}"] = 999, [$"D{last + 1}"] = new DateOnly(2026, 6, 1), [$"E{last + 1}"] = 5, // no such target
            [$"A{last + 2}"] = spare, [$"D{last + 2}"] = new DateOnly(2026, 6, 1), [$"E{last + 2}"] = 5,   // a good row, not stored either
        });
        var before = await StoredAsync();

        var response = await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", filled);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var refusal = await response.Content.ReadFromJsonAsync<Refusal>();
        Assert.Equal(3, refusal!.Errors.Count);
        Assert.All(refusal.Errors, e => Assert.Equal(Readings, e.Sheet));
        // Listed in the order of the rows: the visitors row comes before the routes row in the plan.
        var errors = refusal.Errors.ToDictionary(e => e.Row!.Value);
        Assert.Equal(refusal.Errors.Select(e => e.Row!.Value).Order(), refusal.Errors.Select(e => e.Row!.Value));
        Assert.Equal(("D", "日期 Date"), (errors[routes].Column, errors[routes].Header));
        Assert.Equal(("E", "数值 Value"), (errors[visitors].Column, errors[visitors].Header));
        Assert.Equal(("A", "序号 No."), (errors[last + 1].Column, errors[last + 1].Header));
        Assert.Contains("“2026-02-30”不是日期", errors[routes].Message);
        Assert.Contains("“很多”不是数字", errors[visitors].Message);
        Assert.Contains("没有序号为“999”的指标", errors[last + 1].Message);
        Assert.Contains("3", refusal.Title);
        Assert.Equal(before, await StoredAsync());

        var english = await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import?culture=en", filled);
        var errorsEn = (await english.Content.ReadFromJsonAsync<Refusal>())!.Errors.ToDictionary(e => e.Row!.Value);
        Assert.Equal("\"2026-02-30\" is not a date: write it as 2026-06-15", errorsEn[routes].Message);
        Assert.StartsWith("\"很多\" is not a number", errorsEn[visitors].Message);
        Assert.Equal("this plan has no target number \"999\"", errorsEn[last + 1].Message);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Dates_outside_the_plan_or_in_the_future_duplicates_negative_values_and_registry_targets_are_named()
    {
        using var office = await app.OfficeAsync();
        await BindPartnerTargetAsync(office);
        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var routes = TemplateRow(template, "国际地区航线");
        var visitors = TemplateRow(template, "入境游客");
        var last = LastRow(template);
        var spare = SpareNumber(template, routes, visitors);
        var partnerNumber = await PartnerTargetNumberAsync(office);
        var filled = Workbooks.Fill(template, Readings, new Dictionary<string, object>
        {
            [$"D{routes}"] = new DateOnly(2026, 7, 1), [$"E{routes}"] = 21,             // after today
            [$"D{visitors}"] = new DateOnly(2025, 12, 31), [$"E{visitors}"] = -3,      // before the plan, and negative
            [$"A{last + 1}"] = partnerNumber, [$"D{last + 1}"] = new DateOnly(2026, 6, 1), [$"E{last + 1}"] = 200, // registry-counted
            [$"A{last + 2}"] = spare, [$"D{last + 2}"] = "2026年6月1日", [$"E{last + 2}"] = "1,560",
            [$"A{last + 3}"] = spare, [$"D{last + 3}"] = "2026-06-01", [$"E{last + 3}"] = 7,                   // same target and date
        });

        var response = await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import?culture=en", filled);

        var refusal = await response.Content.ReadFromJsonAsync<Refusal>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            new[]
            {
                (routes, "D", "the date 2026-07-01 is after today (2026-06-15)"),
                (visitors, "D", "the date 2025-12-31 is outside the plan's span (2026-03-01 to 2026-12-31)"),
                (visitors, "E", "the value must not be negative"),
                (last + 1, "E", "this target is counted from the registry: its readings cannot be imported"),
                (last + 3, "D", $"the same target and date as row {last + 2}"),
            }.OrderBy(e => e.Item1).ThenBy(e => e.Item2),
            refusal!.Errors.Select(e => (e.Row!.Value, e.Column!, e.Message)));
    }

    async Task<int> PartnerTargetNumberAsync(HttpClient client)
    {
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{app.PlanId}"));
        var targets = plan.RootElement.GetProperty("targets").EnumerateArray().ToList();
        var index = targets.FindIndex(t => t.GetProperty("source").GetString() == "registry");
        Assert.True(index >= 0, "the Wuhan plan counts its partner cities from the registry");
        return index + 1;
    }

    [Fact]
    public async Task A_good_template_adds_readings_that_change_the_targets_status_and_a_second_upload_changes_only_what_differs()
    {
        using var office = await app.OfficeAsync();
        using var anonymous = app.Factory.CreateClient();
        var routes = app.TargetId("国际地区航线");
        Assert.NotEqual("done", await StatusAsync(anonymous, routes));
        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var row = TemplateRow(template, "国际地区航线");
        var filled = Workbooks.Fill(template, Readings, new Dictionary<string, object>
        {
            [$"D{row}"] = new DateOnly(2026, 6, 10), [$"E{row}"] = 22, [$"H{row}"] = "天河机场 6 月航班计划",
        });
        var before = await StoredAsync();

        var response = await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Summary(1, 0, 0), await response.Content.ReadFromJsonAsync<Summary>());
        // Two entries per stored reading: the row itself, and the import's own record naming the file.
        Assert.Equal((before.Readings + 1, before.Audit + 2), await StoredAsync());
        Assert.Equal("done", await StatusAsync(anonymous, routes));
        var page = await anonymous.GetStringAsync($"/plans/{app.PlanId}");
        Assert.Matches(new System.Text.RegularExpressions.Regex("<td>[^<]*国际地区航线[^<]*</td>(?:(?!</tr>).)*class=\"status done\"",
            System.Text.RegularExpressions.RegexOptions.Singleline), page);

        // The same file again: nothing to store. A corrected value: one change, recorded as a new reading that counts.
        var again = await (await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", filled)).Content.ReadFromJsonAsync<Summary>();
        Assert.Equal(new Summary(0, 0, 1), again);
        var corrected = Workbooks.Fill(filled, Readings, new Dictionary<string, object> { [$"E{row}"] = "20" });
        var third = await (await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", corrected)).Content.ReadFromJsonAsync<Summary>();
        Assert.Equal(new Summary(0, 1, 0), third);
        Assert.NotEqual("done", await StatusAsync(anonymous, routes));
        Assert.Equal((before.Readings + 2, before.Audit + 4), await StoredAsync());
    }

    static async Task<string> StatusAsync(HttpClient client, int targetId)
    {
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{(await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id}"));
        return plan.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == targetId).GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task A_file_that_is_not_a_readings_workbook_is_refused_with_a_clear_reason()
    {
        using var office = await app.OfficeAsync();
        var url = $"/api/plans/{app.PlanId}/readings/import?culture=en";

        var text = await (await UploadAsync(office, url, "not a workbook"u8.ToArray(), "readings.xlsx")).Content.ReadFromJsonAsync<Refusal>();
        Assert.StartsWith("the file is not an Excel workbook (.xlsx)", Assert.Single(text!.Errors).Message);

        var export = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/export.xlsx");
        var truncated = await UploadAsync(office, url, export[..(export.Length / 2)]);
        Assert.True(truncated.StatusCode == HttpStatusCode.UnprocessableEntity, await truncated.Content.ReadAsStringAsync());

        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var onlyInstructions = Workbooks.Fill(template, "说明 Instructions", new Dictionary<string, object> { ["A30"] = "x" });
        var untouched = await (await UploadAsync(office, url, onlyInstructions)).Content.ReadFromJsonAsync<Refusal>();
        Assert.Equal("there are no readings to import: fill in the date and value of at least one row", Assert.Single(untouched!.Errors).Message);

        var renamed = RenameSheet(export, Readings, "Sheet1");
        var wrongSheet = await (await UploadAsync(office, url, renamed)).Content.ReadFromJsonAsync<Refusal>();
        Assert.StartsWith("there is no sheet \"读数 Readings\"", Assert.Single(wrongSheet!.Errors).Message);

        var empty = await office.PostAsync(url, new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    static byte[] RenameSheet(byte[] xlsx, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == from).Name = to;
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Only_the_office_imports_and_downloads_the_template_and_leaders_may_export()
    {
        var template = await (await app.OfficeAsync()).GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        var leader = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader")).UserName!);
        var member = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "member")).UserName!);
        using var anonymous = app.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/plans/{app.PlanId}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/plans/{app.PlanId}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/api/plans/{app.PlanId}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/plans/{app.PlanId}/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/plans/{app.PlanId}/readings/template.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/api/plans/{app.PlanId}/readings/template.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(liaison, $"/api/plans/{app.PlanId}/readings/import", template)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(leader, $"/api/plans/{app.PlanId}/readings/import", template)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, $"/api/plans/{app.PlanId}/readings/import", template)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.OfficeAsync()).GetAsync("/api/plans/99999/export.xlsx")).StatusCode);

        // A signed-in browser cannot post to the script endpoint: its cookie is refused there (no antiforgery token).
        var officeName = (await Accounts.CreateAsync(app.Factory, "office")).UserName!;
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeName);
        Assert.Contains((await UploadAsync(browser, $"/api/plans/{app.PlanId}/readings/import", template)).StatusCode,
            new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task The_office_previews_then_confirms_an_import_on_the_page_and_finds_the_links_on_the_overview()
    {
        var officeName = (await Accounts.CreateAsync(app.Factory, "office")).UserName!;
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeName);
        var overview = await browser.GetStringAsync($"/plans/{app.PlanId}");
        Assert.Contains($"href=\"/plans/{app.PlanId}/readings/import\"", overview);
        Assert.Contains($"href=\"/api/plans/{app.PlanId}/export.xlsx\"", overview);
        using var anonymous = app.Factory.CreateClient();
        Assert.DoesNotContain("/readings/import", await anonymous.GetStringAsync($"/plans/{app.PlanId}"));

        var template = await browser.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var row = TemplateRow(template, "国际地区航线");
        var filled = Workbooks.Fill(template, Readings, new Dictionary<string, object> { [$"D{row}"] = new DateOnly(2026, 6, 10), [$"E{row}"] = 19 });
        var pageUrl = $"/plans/{app.PlanId}/readings/import";
        var before = await StoredAsync();

        var preview = await PostPageAsync(browser, pageUrl, "Preview", filled);
        Assert.Contains("新增 1 条，更正 0 条，未变 0 条。", preview);
        Assert.Equal(before, await StoredAsync());
        // The browser decodes the attribute (base64's "+" is written &#x2B;) before it posts the field back.
        var checkedFile = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(preview, "name=\"Checked\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(checkedFile);

        var done = await Accounts.PostFormAsync(browser, pageUrl + "?handler=Import",
            new() { ["Checked"] = checkedFile, ["CheckedName"] = "读数.xlsx" }, formPage: pageUrl);
        var donePage = await done.Content.ReadAsStringAsync();
        Assert.True(donePage.Contains("已导入：新增 1 条，更正 0 条，未变 0 条。"), $"{done.StatusCode} {donePage[Math.Max(0, donePage.IndexOf("<main"))..]}");
        Assert.Equal(before.Readings + 1, (await StoredAsync()).Readings);

        var bad = Workbooks.Fill(template, Readings, new Dictionary<string, object> { [$"D{row}"] = "明天", [$"E{row}"] = 19 });
        var refused = await PostPageAsync(browser, pageUrl + "?culture=en", "Preview", bad);
        Assert.Contains("The file was refused: 1 problems", refused);
        Assert.Contains("&quot;明天&quot; is not a date", refused);
        Assert.Contains($"<td class=\"num\">{row}</td><td>D 日期 Date</td>", refused);
    }

    static async Task<string> PostPageAsync(HttpClient client, string url, string handler, byte[] xlsx)
    {
        var page = await client.GetStringAsync(url);
        var token = Accounts.FormToken(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(xlsx), "Upload", "读数.xlsx");
        var separator = url.Contains('?') ? '&' : '?';
        var response = await client.PostAsync($"{url}{separator}handler={handler}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class SqliteExcelTests() : ExcelTests(DatabaseProvider.Sqlite);

public sealed class PostgresExcelTests() : ExcelTests(DatabaseProvider.Postgres);
