using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jiaowang.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Network;

public sealed class NetworkEditPagesTests : IAsyncLifetime
{
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new JiaowangFactory(TestDatabase.Sqlite());
        factory.CreateClient().Dispose();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await factory.Database.DisposeAsync();
    }

    async Task<HttpClient> OfficeAsync()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        return await Accounts.CookieClientAsync(factory, office.UserName!);
    }

    [Fact]
    public async Task The_office_ends_a_partnership_on_its_page_and_the_history_says_who_changed_what()
    {
        using var client = await OfficeAsync();
        var list = await client.GetStringAsync("/partners?q=Duisburg");
        var id = Regex.Match(list, "href=\"/partners/(\\d+)\"").Groups[1].Value;
        var form = await client.GetStringAsync($"/partners/edit/{id}");
        Assert.Contains("value=\"Duisburg\"", form);

        var fields = new Dictionary<string, string>
        {
            ["Form.CityEn"] = "Duisburg", ["Form.CityZh"] = "杜伊斯堡市", ["Form.Country"] = "DE", ["Form.Kind"] = "sisterCity",
            ["Form.YearEstablished"] = "1982", ["Form.EstablishedOn"] = "1982-10-08", ["Form.Status"] = "ended", ["Form.EndedOn"] = "2026-06-01",
            ["Form.Latitude"] = "51.4344", ["Form.Longitude"] = "6.7623", ["Form.Source"] = "test",
        };
        var saved = await Accounts.PostFormAsync(client, $"/partners/edit/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await client.GetStringAsync($"/partners/{id}");
        Assert.Contains("已终止", page);
        Assert.Contains("2026年6月1日", page);
        Assert.Contains("&quot;status&quot;:{&quot;before&quot;:&quot;Active&quot;,&quot;after&quot;:&quot;Ended&quot;}", page);
    }

    [Fact]
    public async Task A_bad_value_comes_back_to_the_form_with_its_reason_and_nothing_is_saved()
    {
        using var client = await OfficeAsync();
        var response = await Accounts.PostFormAsync(client, "/partners/edit", new()
        {
            ["Form.CityEn"] = "Oita", ["Form.Country"] = "JP", ["Form.Kind"] = "sisterCity", ["Form.EstablishedOn"] = "2026-02-30",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("日期“2026-02-30”无效", html);
        Assert.Contains("城市“Oita”（Japan）已在友城名录中", html);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_cell_and_stores_nothing()
    {
        using var client = await OfficeAsync();
        var page = await client.GetStringAsync("/partners/import");
        var token = Accounts.FormToken(page);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("city_en,country,kind,established_on\nLyon,France,国际友好城市,2020-13-01\nX,Narnia,国际友好城市,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", "new.csv" } };

        var html = await (await client.PostAsync("/partners/import", form)).Content.ReadAsStringAsync();

        Assert.Contains("未导入：发现 2 处问题，未保存任何数据", html);
        Assert.Contains("new.csv 第 2 行 established_on 列", html);
        Assert.Contains("new.csv 第 3 行 country 列：未知国家“Narnia”", html);
        Assert.Contains("共 33 个", await client.GetStringAsync("/partners"));
    }

    [Fact]
    public async Task On_the_bindings_page_the_office_binds_the_partner_target_and_sees_where_the_reading_came_from()
    {
        using var client = await OfficeAsync();
        var page = await client.GetStringAsync("/partners/bindings");
        var id = Regex.Match(page, "id=\"target-(\\d+)\">\\s*<h3>国际友城和友好交流城市数量").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), "the partner-city target is listed");

        var response = await Accounts.PostFormAsync(client, "/partners/bindings", new() { ["targetId"] = id, ["binding"] = "ActivePartners" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await client.GetStringAsync("/partners/bindings");
        Assert.Contains("登记数据自动统计 · registry", after);
        Assert.Contains("有效友城 32 个", after);
    }

    [Fact]
    public async Task Edit_pages_and_exports_are_for_the_office_only()
    {
        var member = await Accounts.CreateAsync(factory, Roles.Member);
        using var client = await Accounts.CookieClientAsync(factory, member.UserName!);
        foreach (var url in new[] { "/partners/edit", "/partners/import", "/events/new", "/partners/bindings", "/partners/export.csv" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} gave {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_office_downloads_the_registry_as_excel()
    {
        using var client = await OfficeAsync();
        var response = await client.GetAsync("/partners/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2));
    }
}

public sealed class NetworkEditApiTests : IAsyncLifetime
{
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new JiaowangFactory(TestDatabase.Sqlite(), seedBundledPlan: false);
        factory.CreateClient().Dispose();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await factory.Database.DisposeAsync();
    }

    [Fact]
    public async Task The_office_records_pairs_and_projects_and_the_partner_page_shows_them()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var api = await Accounts.BearerClientAsync(factory, office.UserName!);
        var partners = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<Jiaowang.Web.Features.Network.PartnerItem>>(api, "/api/partners?q=Bordeaux"))!;
        var bordeaux = partners.Single().Id;

        var pair = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, $"/api/partners/{bordeaux}/pairs",
            new { type = "校际", wuhanSide = "武汉大学", partnerSide = "Université de Bordeaux", year = 2010 });
        Assert.Equal(HttpStatusCode.Created, pair.StatusCode);
        var project = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/projects",
            new { title = "中法生态示范城合作", year = 2025, field = "经贸", units = "市商务局", partnerIds = new[] { bordeaux } });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var bad = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/projects", new { title = "", year = 2025, field = "经贸", partnerIds = new[] { 999999 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var browser = await Accounts.CookieClientAsync(factory, office.UserName!);
        var added = await Accounts.PostFormAsync(browser, $"/partners/{bordeaux}?handler=Pair",
            new() { ["Pair.Type"] = "区际", ["Pair.WuhanSide"] = "武昌区", ["Pair.PartnerSide"] = "Bordeaux Centre", ["Pair.Year"] = "2012" }, $"/partners/{bordeaux}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        using var anonymous = factory.CreateClient();
        var html = await anonymous.GetStringAsync($"/partners/{bordeaux}");
        Assert.Contains("武汉大学", html);
        Assert.Contains("武昌区", html);
        Assert.Contains("中法生态示范城合作", html);
        Assert.DoesNotContain("name=\"Pair.Type\"", html);
    }

    [Fact]
    public async Task Uploading_a_bad_file_to_the_api_names_each_cell_and_stores_nothing()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var api = await Accounts.BearerClientAsync(factory, office.UserName!);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("city_en,country,kind\nLyon,France,国际友好城市\nLyon,France,国际友好城市\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await api.PostAsync("/api/partners/import?culture=en", new MultipartFormDataContent { { file, "file", "dup.csv" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"added\":0", body);
        Assert.Contains("city \\u0022Lyon\\u0022 duplicates row 2", body.Replace("\\\"", "\\u0022"));
    }

    [Fact]
    public async Task The_upload_api_takes_no_browser_cookie_so_another_site_cannot_post_to_it()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var browser = await Accounts.CookieClientAsync(factory, office.UserName!);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("city_en,country,kind\nLyon,France,国际友好城市\n"));

        var response = await browser.PostAsync("/api/partners/import", new MultipartFormDataContent { { file, "file", "lyon.csv" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class DemoDataVisibilityTests : IAsyncLifetime
{
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new JiaowangFactory(TestDatabase.Sqlite(), seedBundledPlan: false);
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var countries = scope.ServiceProvider.GetRequiredService<Jiaowang.Core.Network.CountryCatalog>();
        await scope.ServiceProvider.GetRequiredService<Jiaowang.Web.Features.Network.PartnerImporter>()
            .StoreAsync(Jiaowang.Web.Features.Network.DemoPartners.Generate(2, 11, countries), "test", "demo");
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await factory.Database.DisposeAsync();
    }

    [Fact]
    public async Task Demo_partners_are_tagged_in_the_registry_and_never_shown_on_the_public_page()
    {
        using var client = factory.CreateClient();
        var registry = await client.GetStringAsync("/partners?q=演示城市");
        Assert.Equal(2, Regex.Matches(registry, "<span class=\"tag demo\">演示数据</span>").Count);
        Assert.Contains("有效友城 34 个", await client.GetStringAsync("/partners/map"));

        var world = await client.GetStringAsync("/world");
        Assert.Contains("有效友城 32 个", world);
        Assert.DoesNotContain("演示城市", world);
    }
}

