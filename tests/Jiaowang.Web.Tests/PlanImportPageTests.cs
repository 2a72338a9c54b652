using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;

namespace Jiaowang.Web.Tests;

public sealed class PlanImportPageTests : IAsyncLifetime
{
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new JiaowangFactory(TestDatabase.Sqlite(), seedBundledPlan: false);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await factory.Database.DisposeAsync();
    }

    static readonly byte[] Seed = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath));

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, string fileName, byte[] content, bool replace = false)
    {
        var page = await client.GetStringAsync("/plans/import");
        var token = Accounts.FormToken(page);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(replace ? "true" : "false"), "Replace" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Document", fileName);
        return await client.PostAsync($"/plans/import?handler={handler}", form);
    }

    [Fact]
    public async Task The_office_previews_a_plan_with_its_counts_then_imports_it()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);

        var preview = await (await UploadAsync(client, "Preview", "wuhan.txt", Seed)).Content.ReadAsStringAsync();
        Assert.Contains("19 项目标 · 12 项任务 · 31 个责任单位", preview);
        Assert.Contains("没有无法识别的内容", preview);
        Assert.DoesNotContain("href=\"/plans/1\"", preview); // nothing stored by a preview

        var imported = await UploadAsync(client, "Import", "wuhan.txt", Seed);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var overview = await client.GetStringAsync(imported.Headers.Location!.OriginalString);
        Assert.Contains("武政办〔2026〕26号", overview);

        var again = await (await UploadAsync(client, "Import", "wuhan.txt", Seed)).Content.ReadAsStringAsync();
        Assert.Contains("已于", again);
        Assert.Contains("未做任何更改", again);
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_a_message_that_names_it()
    {
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);

        var empty = await (await UploadAsync(client, "Import", "空文件.txt", [])).Content.ReadAsStringAsync();
        var prose = await (await UploadAsync(client, "Preview", "letter.txt", Encoding.UTF8.GetBytes("各位同事：\n明天上午开会。\n"))).Content.ReadAsStringAsync();

        Assert.Contains("请选择要上传的文件", empty);
        Assert.Contains("letter.txt", prose);
        Assert.Contains("class=\"form-error\"", prose);
    }

    [Fact]
    public async Task Only_the_office_may_import_plans()
    {
        var liaison = await Accounts.CreateAsync(factory, Roles.Member);
        using var member = await Accounts.CookieClientAsync(factory, liaison.UserName!);
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        var forbidden = await member.GetAsync("/plans/import");
        var login = await anonymous.GetAsync("/plans/import");

        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/account/login", login.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Visitors_see_a_newly_imported_plan_at_once_although_the_public_page_is_cached()
    {
        using var visitor = factory.CreateClient();
        Assert.Contains("还没有工作方案", await visitor.GetStringAsync("/"));
        Assert.Contains("还没有工作方案", await visitor.GetStringAsync("/")); // now served from the cache

        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(factory, office.UserName!);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, "Import", "wuhan.txt", Seed)).StatusCode);

        Assert.Contains("武政办〔2026〕26号", await visitor.GetStringAsync("/"));
    }
}
