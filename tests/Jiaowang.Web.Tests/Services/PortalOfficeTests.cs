using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Services;

/// <summary>
/// 家在武汉's office: guides edited side by side with versions and publishing, liaisons kept to their categories, and
/// task 12 targets bound to the directory counts and resolved signage reports. On SQLite and on PostgreSQL.
/// </summary>
public abstract class PortalOfficeTests(DatabaseProvider provider) : IAsyncLifetime
{
    TestDatabase database = null!;
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database);
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    HttpClient Anonymous() => factory.CreateClient(new() { AllowAutoRedirect = false });

    async Task<int> GuideIdAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JiaowangDb>().ServiceGuides.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync();
    }

    static Dictionary<string, string> GuideForm(int version, string titleZh, string? title, string? steps) => new()
    {
        ["Form.Version"] = version.ToString(), ["Form.TitleZh"] = titleZh, ["Form.SummaryZh"] = "外籍人士在武汉看病的步骤。",
        ["Form.BringZh"] = "护照\n医保卡或商业保险卡", ["Form.WhereZh"] = "开设国际医疗部的医院", ["Form.HowLongZh"] = "半天",
        ["Form.StepsZh"] = "预约\n就诊\n缴费", ["Form.Title"] = title ?? "", ["Form.Summary"] = "", ["Form.Bring"] = "",
        ["Form.Where"] = "", ["Form.HowLong"] = "", ["Form.Steps"] = steps ?? "",
    };

    [Fact]
    public async Task A_guide_edited_in_the_office_keeps_versions_and_shows_or_hides_on_the_public_page_as_published()
    {
        var id = await GuideIdAsync("seeing-a-doctor");
        using var anonymous = Anonymous();
        var before = await anonymous.GetStringAsync("/fr/services/guides/seeing-a-doctor");
        Assert.Contains("untranslated-page", before); // no French yet: the Chinese, marked

        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);
        var editor = await client.GetStringAsync($"/services/office/guides/{id}?lang=fr");
        Assert.Contains("Form.TitleZh", editor);
        var saved = await Accounts.PostFormAsync(client, $"/services/office/guides/{id}?lang=fr&handler=Save",
            GuideForm(1, "在武汉看病", "Se faire soigner à Wuhan", "Prendre rendez-vous\nConsultation\nPayer"), $"/services/office/guides/{id}?lang=fr");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The public page shows the French at once (the cached page was evicted); untranslated fields show the Chinese, marked.
        var after = await anonymous.GetStringAsync("/fr/services/guides/seeing-a-doctor");
        Assert.Contains("Se faire soigner à Wuhan", after);
        Assert.Contains("Prendre rendez-vous", after);
        Assert.DoesNotContain("untranslated-page", after);
        Assert.Contains("<span lang=\"zh-CN\">半天</span> <span class=\"untranslated\">", after);
        Assert.Contains("在武汉看病", await anonymous.GetStringAsync("/zh/services/guides/seeing-a-doctor"));

        // Seed state, the Chinese save and the French save: three versions, newest first on the editor.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var versions = await db.ServiceGuideVersions.Where(v => v.GuideId == id).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
            Assert.Equal(["seed", office.UserName!, office.UserName!], versions.Select(v => v.SavedBy));
            Assert.Contains("Se faire soigner à Wuhan", versions[^1].Snapshot);
            Assert.DoesNotContain("Se faire soigner à Wuhan", versions[1].Snapshot);
        }

        // A stale form (version 1) is refused with the reason, nothing changes.
        var stale = await Accounts.PostFormAsync(client, $"/services/office/guides/{id}?lang=fr&handler=Save",
            GuideForm(1, "改坏了", "Cassé", null), $"/services/office/guides/{id}?lang=fr");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.DoesNotContain("改坏了", await anonymous.GetStringAsync("/zh/services/guides/seeing-a-doctor"));

        var unpublished = await Accounts.PostFormAsync(client, $"/services/office/guides/{id}?lang=fr&handler=Publish",
            new() { ["published"] = "false" }, $"/services/office/guides/{id}?lang=fr");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/fr/services/guides/seeing-a-doctor")).StatusCode);
        Assert.DoesNotContain("seeing-a-doctor", await anonymous.GetStringAsync("/fr/services/guides"));
        // Preview: the office still sees it.
        Assert.Contains("Se faire soigner à Wuhan", await client.GetStringAsync("/fr/services/guides/seeing-a-doctor"));

        await Accounts.PostFormAsync(client, $"/services/office/guides/{id}?lang=fr&handler=Publish", new() { ["published"] = "true" }, $"/services/office/guides/{id}?lang=fr");
        Assert.Contains("Se faire soigner à Wuhan", await anonymous.GetStringAsync("/fr/services/guides/seeing-a-doctor"));

        // The office page lists the guide per language: English complete (shipped), French still partial, German missing.
        var officePage = await client.GetStringAsync("/services/office");
        Assert.Contains($"/services/office/guides/{id}?lang=en\">✓", officePage);
        Assert.Contains($"/services/office/guides/{id}?lang=fr\">—", officePage);
        Assert.Contains($"/services/office/guides/{id}?lang=de\">—", officePage);
    }

    [Fact]
    public async Task A_liaison_edits_the_guides_of_its_units_categories_only()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        var liaison = await Accounts.CreateAsync(factory, "liaison", "市卫健委");
        int unitId;
        await using (var scope = factory.Services.CreateAsyncScope())
            unitId = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Units.Where(u => u.Name == "市卫健委").Select(u => u.Id).SingleAsync();
        using (var officeClient = await Accounts.CookieClientAsync(factory, office.UserName!))
        {
            var assigned = await Accounts.PostFormAsync(officeClient, "/services/office?handler=Assign",
                new() { ["category"] = "hospital", ["unitId"] = unitId.ToString() }, "/services/office");
            Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        }

        var doctor = await GuideIdAsync("seeing-a-doctor");
        var permit = await GuideIdAsync("work-permit");
        using var client = await Accounts.CookieClientAsync(factory, liaison.UserName!);
        var page = await client.GetStringAsync("/services/office");
        Assert.Contains($"/services/office/guides/{doctor}\"", page);
        Assert.DoesNotContain($"/services/office/guides/{permit}\"", page);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/services/office/guides/{permit}?lang=en")).StatusCode);
        var refused = await Accounts.PostFormAsync(client, $"/services/office/guides/{permit}?lang=en&handler=Save",
            GuideForm(1, "不该改", "Should not change", null), $"/services/office/guides/{doctor}?lang=en");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var allowed = await Accounts.PostFormAsync(client, $"/services/office/guides/{doctor}?lang=en&handler=Save",
            GuideForm(1, "在武汉看病", "Seeing a doctor in Wuhan", "Book\nSee the doctor\nPay"), $"/services/office/guides/{doctor}?lang=en");
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<JiaowangDb>();
        Assert.False(await db.ServiceGuideTexts.AnyAsync(t => t.Title == "不该改" || t.Title == "Should not change"));
        Assert.False(await db.ServiceGuideVersions.AnyAsync(v => v.GuideId == permit));
        Assert.True(await db.ServiceGuideTexts.AnyAsync(t => t.GuideId == doctor && t.Lang == "en" && t.Steps == "Book\nSee the doctor\nPay"));
    }

    async Task<int> UnitIdAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task The_office_adds_a_place_the_list_lacks_which_stays_private_until_published_and_a_liaison_adds_only_in_its_categories()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);
        using var anonymous = Anonymous();
        async Task<int> PublicCommunitiesAsync() =>
            (await anonymous.GetFromJsonAsync<JsonElement>("/api/services/places?category=community&lang=zh")).GetProperty("count").GetInt32();
        var before = await PublicCommunitiesAsync();
        Assert.Contains("新增地点", await client.GetStringAsync("/services/office"));

        // No name and a district that does not exist: refused, each named, nothing stored.
        var bad = await Accounts.PostFormAsync(client, "/services/office?handler=Add",
            new() { ["category"] = "community", ["nameZh"] = " ", ["district"] = "火星区" }, "/services/office");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadAsStringAsync();
        Assert.Contains("中文名称必填", problems);
        Assert.Contains("没有城区“火星区”", problems);

        var added = await Accounts.PostFormAsync(client, "/services/office?handler=Add",
            new() { ["category"] = "community", ["nameZh"] = "测试国际社区", ["district"] = "江岸区" }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var editor = added.Headers.Location!.OriginalString;
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(editor, @"^/services/office/places/(\d+)\?added=true$").Groups[1].Value);
        var page = await client.GetStringAsync(editor);
        Assert.Contains("测试国际社区", page);
        Assert.Contains("尚未公开", page);

        // Not public until the office publishes it.
        Assert.Equal(before, await PublicCommunitiesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/services/places/{id}?lang=zh")).StatusCode);
        var published = await Accounts.PostFormAsync(client, $"/services/office/places/{id}?lang=en&handler=Publish",
            new() { ["published"] = "true" }, $"/services/office/places/{id}?lang=en");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(before + 1, await PublicCommunitiesAsync());
        var shown = await anonymous.GetFromJsonAsync<JsonElement>($"/api/services/places/{id}?lang=zh");
        Assert.Equal("江岸区", shown.GetProperty("district").GetString());
        Assert.False(shown.GetProperty("confirmed").GetBoolean());

        // A liaison whose unit keeps the hospitals adds a hospital, and no community.
        var assigned = await Accounts.PostFormAsync(client, "/services/office?handler=Assign",
            new() { ["category"] = "hospital", ["unitId"] = (await UnitIdAsync("市卫健委")).ToString() }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var liaison = await Accounts.CreateAsync(factory, "liaison", "市卫健委");
        using var unit = await Accounts.CookieClientAsync(factory, liaison.UserName!);
        var refused = await Accounts.PostFormAsync(unit, "/services/office?handler=Add",
            new() { ["category"] = "community", ["nameZh"] = "不该新增的社区" }, "/services/office");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var hospital = await Accounts.PostFormAsync(unit, "/services/office?handler=Add",
            new() { ["category"] = "hospital", ["nameZh"] = "测试医院国际门诊" }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, hospital.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        Assert.False(await db.Places.AnyAsync(p => p.NameZh == "不该新增的社区" || p.NameZh == " "));
        Assert.Equal([(1, office.UserName!), (2, office.UserName!)],
            (await db.PlaceVersions.Where(v => v.PlaceId == id).OrderBy(v => v.Number).ToListAsync()).Select(v => (v.Number, v.SavedBy)));
        var added2 = await db.Places.SingleAsync(p => p.NameZh == "测试医院国际门诊");
        Assert.False(added2.Published);
        Assert.Null(added2.District);
    }

    static async Task<JsonElement> TargetAsync(HttpClient client, int planId, int targetId)
    {
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{planId}"));
        return plan.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == targetId).Clone();
    }

    [Fact]
    public async Task Targets_bound_to_the_directory_and_to_resolved_signage_move_when_the_office_publishes_and_units_answer()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var api = await Accounts.BearerClientAsync(factory, office.UserName!);
        var planId = (await api.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id;
        int[] targets;
        using (var plan = JsonDocument.Parse(await api.GetStringAsync($"/api/plans/{planId}")))
            targets = plan.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).Take(2).ToArray();
        var (hospitals, signage) = (targets[0], targets[1]);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/api/targets/{hospitals}/binding", new { binding = "ServiceHospitals" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/api/targets/{signage}/binding", new { binding = "SignageReportsResolved" })).StatusCode);
        var target = await TargetAsync(api, planId, hospitals);
        Assert.Equal("registry", target.GetProperty("source").GetString());
        Assert.Equal(4m, target.GetProperty("current").GetDecimal());
        Assert.Equal(0m, (await TargetAsync(api, planId, signage)).GetProperty("current").GetDecimal());

        // The office withdraws a hospital, then publishes it again: the target follows each time.
        int tongji;
        await using (var scope = factory.Services.CreateAsyncScope())
            tongji = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Places.Where(p => p.Key == "hospital-tongji").Select(p => p.Id).SingleAsync();
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);
        var editor = $"/services/office/places/{tongji}?lang=en";
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(client, editor + "&handler=Publish", new() { ["published"] = "false" }, editor)).StatusCode);
        Assert.Equal(3m, (await TargetAsync(api, planId, hospitals)).GetProperty("current").GetDecimal());
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(client, editor + "&handler=Publish", new() { ["published"] = "true" }, editor)).StatusCode);
        Assert.Equal(4m, (await TargetAsync(api, planId, hospitals)).GetProperty("current").GetDecimal());

        // A sign reported by anyone, answered as fixed by the office: the resolved count moves.
        using var anonymous = Anonymous();
        var sent = await anonymous.PostAsync("/api/services/signage-reports", SignPhotos.Form("汉口站", "Hankou Statoin", "Hankou Station", null));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        int reportId;
        await using (var scope = factory.Services.CreateAsyncScope())
            reportId = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().SignageReports.Select(r => r.Id).SingleAsync();
        var answered = await Accounts.PostFormAsync(client, "/services/office?handler=Answer",
            new() { ["id"] = reportId.ToString(), ["answer"] = "已更正", ["isFixed"] = "true" }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(1m, (await TargetAsync(api, planId, signage)).GetProperty("current").GetDecimal());

        await using var check = factory.Services.CreateAsyncScope();
        var readings = await check.ServiceProvider.GetRequiredService<JiaowangDb>().Readings.AsNoTracking()
            .Where(r => r.TargetId == hospitals).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([4m, 3m, 4m], readings.Select(r => r.Value));
        Assert.Contains("已发布的开设国际医疗部的医院 4 家", readings[^1].Source);
    }
}

public sealed class SqlitePortalOfficeTests() : PortalOfficeTests(DatabaseProvider.Sqlite);
public sealed class PostgresPortalOfficeTests() : PortalOfficeTests(DatabaseProvider.Postgres);
