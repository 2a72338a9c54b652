using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jiaowang.Web.Tests.Security;

/// <summary>
/// What an attacker or a careless paste puts into text fields — markup, script URLs, control characters, lone
/// surrogates, bidi overrides, 100 000 characters, emoji, spreadsheet formulas — sent to every text field of every
/// JSON request the OpenAPI document lists. Each is refused with a problem naming the field, or stored; afterwards every
/// page and every document (xlsx, docx, ics, csv) still renders and nothing stored runs as markup or as a formula.
/// </summary>
public sealed partial class BadInputCorpusTests(ITestOutputHelper output) : IAsyncLifetime
{
    sealed record Bad(string Name, string Value, bool MustRefuse);

    static readonly Bad[] Corpus =
    [
        new("markup", "<img src=x onerror=\"window.__xss=1\">图片", false),
        new("script", "<script>alert(1)</script>", false),
        new("javascript URL", "javascript:alert(document.cookie)", false),
        new("control character", "甲\u0001乙", true),
        new("escape and bell", "\u001b[31m\u0007", true),
        new("bidi override", "合同\u202Egnp.exe", true),
        // System.Text.Json writes a lone surrogate as U+FFFD, so this one arrives harmless; the rule itself is unit-tested in Core.
        new("lone surrogate", "\ud800", false),
        new("100 000 characters", new string('长', 100_000), true),
        new("emoji", "👍🏽 满意 ✓", false),
        new("formula", "=HYPERLINK(\"http://evil.example\",\"点击\")", false),
        new("plus formula", "+1+cmd|' /C calc'!A0", false),
        new("minus formula", "-2+3", false),
        new("at formula", "@SUM(1+1)*cmd|' /C calc'!A0", false),
    ];

    SupervisionApp app = null!;
    HttpClient office = null!, leader = null!, liaison = null!;
    readonly List<HttpClient> reporters = [];
    readonly Queue<(HttpClient Client, int TaskId, int PeriodId)> freeSlots = new();
    int unitA, reportDraft, reportSubmitted, followUp, partner, evaluation, serial;
    readonly Queue<HttpClient> voters = new();
    List<int> ballotUnits = [];

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite, services => services.Configure<ReminderOptions>(o => o.Automatic = false)
            // Every corpus value reaches the signage form's validation, not its hourly budget.
            .Configure<Jiaowang.Web.Features.Services.PortalOptions>(o => o.SignageReportsPerHour = 100_000));
        unitA = app.UnitIds["市交通运输局"];
        office = await app.OfficeAsync();
        leader = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader")).UserName!);
        liaison = (await app.LiaisonAsync("市交通运输局")).Client;

        // Report slots (task × month) of several units, so that every accepted "new report" has a place of its own.
        var months = new[] { 4, 5, 6 }.Select(m => app.Monthly(m).Id).ToList();
        foreach (var unit in app.UnitIds.Keys.Where(n => n != "市交通运输局").Take(6))
        {
            var (_, client) = await app.LiaisonAsync(unit);
            reporters.Add(client);
            var tasks = await client.GetFromJsonAsync<JsonArray>("/api/me/tasks");
            foreach (var task in tasks!) foreach (var month in months) freeSlots.Enqueue((client, task!["id"]!.GetValue<int>(), month));
        }
        (reportDraft, draftOwner) = await NewReportAsync("草稿");
        (reportSubmitted, var owner) = await NewReportAsync("已报送");
        (await owner.PostAsJsonAsync($"/api/reports/{reportSubmitted}/submit", new { })).EnsureSuccessStatusCode();
        submittedOwner = owner;

        (await office.PutAsJsonAsync($"/api/targets/{app.TargetId("国际地区航线")}/units", new { unitIds = new[] { unitA } })).EnsureSuccessStatusCode();
        var meeting = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", Meeting());
        using (var json = JsonDocument.Parse(await Ok(meeting))) followUp = json.RootElement.GetProperty("decisions")[0].GetProperty("id").GetInt32();
        using (var json = JsonDocument.Parse(await Ok(await office.PostAsJsonAsync("/api/partners", Partner()))))
            partner = json.RootElement.GetProperty("id").GetInt32();

        // One member per bad value, all in the electorate before the vote opens.
        for (var i = 0; i < Corpus.Length; i++)
            voters.Enqueue(await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "member")).UserName!));
        var opened = await office.PostAsJsonAsync("/api/evaluations", new { planId = app.PlanId, title = "满意度测评", closesAt = JiaowangFactory.Today.AddDays(3), unitIds = (int[]?)null });
        using (var json = JsonDocument.Parse(await Ok(opened))) evaluation = json.RootElement.GetProperty("id").GetInt32();
        using (var json = JsonDocument.Parse(await office.GetStringAsync($"/api/evaluations/{evaluation}")))
            ballotUnits = json.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetInt32()).ToList();
    }

    HttpClient submittedOwner = null!, draftOwner = null!;

    public async Task DisposeAsync()
    {
        foreach (var client in reporters.Append(office).Append(leader).Concat(voters)) client.Dispose();
        await app.DisposeAsync();
    }

    static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body;
    }

    async Task<(int Id, HttpClient Owner)> NewReportAsync(string text)
    {
        var (client, task, period) = freeSlots.Dequeue();
        using var json = JsonDocument.Parse(await Ok(await client.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = period, text })));
        return (json.RootElement.GetProperty("id").GetInt32(), client);
    }


    [Fact]
    public async Task Every_text_field_refuses_or_stores_bad_input_harmlessly_and_every_page_and_document_still_renders()
    {
        var cases = Cases();
        var problems = new List<string>();

        // The fields come from the OpenAPI document, so a new text field without a case here fails the test.
        foreach (var field in await TextFieldsAsync())
        {
            if (!cases.ContainsKey(field)) problems.Add($"{field}: no bad-input case (add one to {nameof(Cases)})");
        }

        var sent = 0;
        foreach (var (field, send) in cases)
        {
            foreach (var bad in Corpus)
            {
                sent++;
                var response = await send(bad.Value);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var name = field.Split(' ')[^1].Split('.').Last(part => part != "[]").Replace("query:", "");
                if (status >= 500) problems.Add($"{field} ← {bad.Name}: {status}");
                else if (status >= 400 && !body.Contains("\"title\"")) problems.Add($"{field} ← {bad.Name}: {status} without problem details");
                else if (bad.MustRefuse && status < 400) problems.Add($"{field} ← {bad.Name}: stored ({status}); it must be refused");
                else if (bad.MustRefuse && status == 400 && bad.Name != "lone surrogate" && !field.StartsWith("POST /api/auth/", StringComparison.Ordinal)
                    && !body.Replace("_", "").Contains(name, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{field} ← {bad.Name}: refused without naming the field: {Shorten(body)}");
            }
        }

        await CheckPagesAsync(problems);
        await CheckDocumentsAsync(problems);
        var summary = $"Bad-input corpus: {cases.Count} fields × {Corpus.Length} values = {sent} requests, {problems.Count} problems";
        output.WriteLine(summary);
        // One line per field and kind of problem, naming the values, so that a regression reads at a glance.
        var grouped = problems.Select(p => p.Split(" ← ", 2)).GroupBy(p => p.Length == 2 ? p[0] + ": " + p[1][(p[1].IndexOf(':') + 1)..].Trim() : p[0])
            .Select(g => g.First().Length == 2 ? $"{g.Key.Split(": ")[0]} ← {string.Join(", ", g.Select(p => p[1].Split(':')[0]))}: {g.Key[(g.Key.IndexOf(": ") + 2)..]}" : g.Key);
        Assert.True(problems.Count == 0, summary + "\n" + string.Join("\n", grouped.Distinct()));
    }

    static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>"METHOD /path field.path" for every string in every JSON request body of the OpenAPI document.</summary>
    async Task<List<string>> TextFieldsAsync()
    {
        using var client = app.Factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"];
        var fields = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
                foreach (var field in Strings(schema, "", schemas, 0)) fields.Add($"{method.ToUpperInvariant()} {path} {field}");
            }
        }
        return fields;
    }

    static IEnumerable<string> Strings(JsonNode schema, string prefix, JsonNode? schemas, int depth)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference) schema = schemas![reference.Split('/')[^1]]!;
        if (depth > 4) yield break;
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
                foreach (var inner in Strings(property!, prefix.Length == 0 ? name : $"{prefix}.{name}", schemas, depth + 1)) yield return inner;
        }
        else if (types.Contains("array") && schema["items"] is { } items)
        {
            foreach (var inner in Strings(items, $"{prefix}.[]".TrimStart('.'), schemas, depth + 1)) yield return inner;
        }
        else if (types.Contains("string") && !types.Contains("integer") && !types.Contains("number")
            && schema["format"]?.GetValue<string>() is not ("date" or "date-time"))
        {
            yield return prefix;
        }
    }

    async Task CheckPagesAsync(List<string> problems)
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var pages = new[]
        {
            "/", $"/plans/{app.PlanId}", $"/units/{unitA}", $"/tasks/{app.TaskIds[5]}", "/partners", $"/partners/{partner}", "/partners/map", "/world",
            "/events", "/partners/calendar", "/office/review", "/office/audit", "/office/reminders", "/meetings", "/followups", "/dashboard",
            $"/work/reports/{reportDraft}", $"/evaluations/{evaluation}", "/office/targets",
        };
        foreach (var page in pages)
        {
            foreach (var (who, client) in new[] { ("office", browser), ("anonymous", anonymous) })
            {
                var response = await client.GetAsync(page);
                var html = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500) problems.Add($"GET {page} as {who}: {(int)response.StatusCode} after the bad input");
                // Stored markup must come out as text: an unescaped tag from the corpus would run for the next visitor.
                foreach (var raw in new[] { "<img src=x onerror", "<script>alert(1)" })
                    if (html.Contains(raw, StringComparison.OrdinalIgnoreCase)) problems.Add($"GET {page} as {who}: the stored markup {raw}… is served as HTML");
            }
        }
    }

    async Task CheckDocumentsAsync(List<string> problems)
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        using var api = await Accounts.BearerClientAsync(app.Factory, officeUser.UserName!);
        using var browser = await Accounts.CookieClientAsync(app.Factory, officeUser.UserName!);
        foreach (var url in new[] { $"/api/plans/{app.PlanId}/export.xlsx", "/partners/export.xlsx" })
        {
            var bytes = await Download(url.StartsWith("/api") ? api : browser, url, problems);
            if (bytes is null) continue;
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            foreach (var sheet in workbook.WorkbookPart!.WorksheetParts)
                if (sheet.Worksheet.Descendants<CellFormula>().Any()) problems.Add($"{url}: a cell holds a formula");
        }
        foreach (var url in new[] { $"/api/plans/{app.PlanId}/bulletin.docx?from=2026-01-01&to=2026-12-31", $"/api/plans/{app.PlanId}/summary.docx" })
        {
            var bytes = await Download(api, url, problems);
            if (bytes is null) continue;
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            _ = document.MainDocumentPart!.Document.Body!.InnerText;
        }
        if (await Download(browser, "/calendar/anniversaries.ics", problems) is { } ics) Ical.Net.Calendar.Load(Encoding.UTF8.GetString(ics));
        foreach (var url in new[] { "/partners/export.csv", "/api/audit/export.csv", $"/followups?handler=csv&planId={app.PlanId}" })
        {
            if (await Download(url.StartsWith("/api") ? api : browser, url, problems) is not { } csv) continue;
            foreach (var cell in Encoding.UTF8.GetString(csv).Split(['\n', ',']))
            {
                var text = cell.Trim().Trim('"');
                if (text.Length > 0 && "=+@".Contains(text[0]) || text.StartsWith("-2+3", StringComparison.Ordinal))
                    problems.Add($"{url}: the cell {Shorten(text)} would run as a formula in Excel");
            }
        }
    }

    static async Task<byte[]?> Download(HttpClient client, string url, List<string> problems)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadAsByteArrayAsync();
        problems.Add($"GET {url}: {(int)response.StatusCode} after the bad input");
        return null;
    }
}
