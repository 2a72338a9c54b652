using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Features.Accounts;

namespace Jiaowang.Web.Tests;

public sealed class AccountTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task Anonymous_requests_get_401_from_the_api_and_the_login_page_from_pages()
    {
        using var client = app.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var page = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Faccount%2Fpassword", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_published_plan_stays_readable_without_an_account()
    {
        using var client = app.Client();
        foreach (var url in new[] { "/", "/api/plans", "/openapi/v1.json", "/account/login" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task A_script_gets_a_bearer_token_and_sees_its_user_role_and_unit()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Liaison, "市商务局");
        using var client = await Accounts.BearerClientAsync(app.Factory, user.UserName!);

        var me = await client.GetFromJsonAsync<AccountsApi.Me>("/api/me");

        Assert.Equal(user.UserName, me!.UserName);
        Assert.Equal("liaison", me.Role);
        Assert.Equal("市商务局", me.Unit!.Name);
    }

    [Fact]
    public async Task A_person_signs_in_through_the_form_and_the_cookie_carries_the_session()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(app.Factory, user.UserName!);

        var me = await client.GetFromJsonAsync<AccountsApi.Me>("/api/me");
        Assert.Equal("office", me!.Role);
        Assert.Null(me.Unit);
        Assert.Contains(user.UserName!, await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Office);
        using var client = app.Client();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user.UserName!,
            ["Password"] = Accounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_the_users_language_and_five_make_that_client_wait_without_locking_the_account()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var client = app.Client();

        var wrong = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = user.UserName!, ["Password"] = "not-the-password" });
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync());

        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = "still-wrong" });
        }
        var waiting = await client.PostAsJsonAsync("/api/auth/token?culture=en", new { userName = user.UserName, password = Accounts.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.True(waiting.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await waiting.Content.ReadAsStringAsync());
        Assert.Contains("try again in", problem.RootElement.GetProperty("detail").GetString());
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(app.Factory.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<JiaowangUser>>(scope.ServiceProvider);
        Assert.False(await users.IsLockedOutAsync((await users.FindByNameAsync(user.UserName!))!));
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        string userName, oneTime;
        await using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(app.Factory.Services))
        {
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AccountService>(scope.ServiceProvider);
            var result = await service.CreateAsync(new NewAccount($"member-{Guid.NewGuid():N}"[..20], Roles.Member));
            userName = result.User!.UserName!;
            oneTime = result.OneTimePassword!;
        }
        using var client = app.Client();

        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = oneTime });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);

        var login = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = oneTime });
        Assert.Equal("/account/password", login.Headers.Location!.OriginalString.Split('?')[0]);

        var changed = await Accounts.PostFormAsync(client, "/account/password",
            new() { ["Current"] = oneTime, ["New"] = "A-new-Password-9", ["Confirm"] = "A-new-Password-9" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var bearer = await Accounts.BearerClientAsync(app.Factory, userName, "A-new-Password-9");
        Assert.Equal("member", (await bearer.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
    }

    [Fact]
    public async Task Opening_an_account_names_each_problem_with_its_field()
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(app.Factory.Services);
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AccountService>(scope.ServiceProvider);

        var result = await service.CreateAsync(new NewAccount("someone", "liaison", "市不存在局", "short"));
        var noUnit = await service.CreateAsync(new NewAccount("someone-else", "liaison"));
        var badRole = await service.CreateAsync(new NewAccount("third", "boss"));

        Assert.Contains(result.Errors, e => e.Field == "unit" && e.Message.Contains("市不存在局"));
        Assert.Contains(noUnit.Errors, e => e.Field == "unit" && e.Message.Contains("--unit"));
        Assert.Contains(badRole.Errors, e => e.Field == "role" && e.Message.Contains("boss"));
    }
}
