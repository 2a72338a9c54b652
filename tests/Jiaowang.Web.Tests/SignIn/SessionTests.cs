using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests;

/// <summary>Sessions end with their reason; a one-time password opens nothing but the password page; who opens which account.</summary>
public sealed class SessionTests(SeededApp app) : IClassFixture<SeededApp>
{
    const string NewPassword = "A-new-Password-9";

    async Task<(string UserName, string OneTime)> OneTimeAccountAsync(string role, string? unit = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount($"{role}-{Guid.NewGuid():N}"[..20], role, unit));
        Assert.True(result.Succeeded);
        return (result.User!.UserName!, result.OneTimePassword!);
    }

    static string PathOf(HttpResponseMessage response) => response.Headers.Location?.OriginalString.Split('?')[0] ?? "";

    [Fact]
    public async Task A_sign_in_cookie_does_not_pass_as_a_bearer_token_nor_a_token_as_a_cookie_though_both_were_just_used()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/account/login");
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user.UserName!, ["Password"] = Accounts.Password,
                ["__RequestVerificationToken"] = Accounts.FormToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        login.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.CookieName + "=")).Split(';')[0][(AccountsSetup.CookieName.Length + 1)..];
        Assert.DoesNotContain("chunks", cookie);
        var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password }))
            .Content.ReadFromJsonAsync<AccountsApi.TokenResponse>())!.AccessToken;

        async Task<HttpStatusCode> MeAsync(string header, string value)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.TryAddWithoutValidation(header, value);
            return (await client.SendAsync(request)).StatusCode;
        }
        // Each used twice as what it is, so both tickets are kept unprotected (SignInTickets) ...
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await MeAsync("Cookie", $"{AccountsSetup.CookieName}={cookie}"));
            Assert.Equal(HttpStatusCode.OK, await MeAsync("Authorization", $"Bearer {token}"));
        }
        // ... and then each sent as the other: refused, as the handlers themselves refuse them (another purpose of Data Protection).
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync("Authorization", $"Bearer {cookie}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync("Cookie", $"{AccountsSetup.CookieName}={token}"));
    }

    [Fact]
    public async Task A_person_signed_in_with_a_one_time_password_reaches_nothing_but_the_password_page_until_it_is_changed()
    {
        var (userName, oneTime) = await OneTimeAccountAsync(Roles.Liaison, "市商务局");
        using var client = app.Client();
        await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = oneTime });

        // Skipping the redirect does not help: every page sends the person back, every API call is refused.
        foreach (var url in new[] { "/work", "/evaluations", "/followups", "/meetings" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/password", PathOf(page));
        }
        var me = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reports")).StatusCode);
        // The published plan stays readable, as for anyone.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plans")).StatusCode);

        var changed = await Accounts.PostFormAsync(client, "/account/password",
            new() { ["Current"] = oneTime, ["New"] = NewPassword, ["Confirm"] = NewPassword, ["ReturnUrl"] = "/work" });
        Assert.Equal("/work", PathOf(changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/work")).StatusCode);
        Assert.Equal("liaison", (await client.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
    }

    [Fact]
    public async Task Changing_the_password_through_the_api_ends_every_older_token_and_cookie_of_that_person()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var script = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        using var otherScript = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        using var browser = await Accounts.CookieClientAsync(app.Factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        // The cookie and both tokens have been used, so all are kept unprotected (SignInTickets): the password change must still end them.
        Assert.Equal(HttpStatusCode.OK, (await otherScript.GetAsync("/api/me")).StatusCode);

        var wrong = await script.PostAsJsonAsync("/api/me/password", new { currentPassword = "not-it-at-all", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var changed = await script.PostAsJsonAsync("/api/me/password", new { currentPassword = Accounts.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherScript.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        using var again = await Accounts.BearerClientAsync(app.Factory, user.UserName!, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_password_api_does_not_take_a_browser_cookie()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var browser = await Accounts.CookieClientAsync(app.Factory, user.UserName!);

        var response = await browser.PostAsJsonAsync("/api/me/password", new { currentPassword = Accounts.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_on_the_page_ends_the_other_sessions_and_keeps_this_one()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var phone = await Accounts.CookieClientAsync(app.Factory, user.UserName!);
        using var desk = await Accounts.CookieClientAsync(app.Factory, user.UserName!);

        var changed = await Accounts.PostFormAsync(desk, "/account/password",
            new() { ["Current"] = Accounts.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_tokens_and_cookies_at_once_and_cannot_sign_in_until_enabled()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Liaison, "市商务局");
        using var script = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        using var browser = await Accounts.CookieClientAsync(app.Factory, user.UserName!);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.DisableAsync(user.UserName!, "test", scope.ServiceProvider.GetRequiredService<AuditLog>());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        using var client = app.Client();
        var token = await client.PostAsJsonAsync("/api/auth/token?culture=en", new { userName = user.UserName, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains("disabled", await token.Content.ReadAsStringAsync());

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.EnableAsync(user.UserName!, "test", scope.ServiceProvider.GetRequiredService<AuditLog>());
        }
        using var back = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_pair_until_the_password_changes()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var client = app.Client();
        var first = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password }))
            .Content.ReadFromJsonAsync<AccountsApi.TokenResponse>();
        Assert.False(string.IsNullOrEmpty(first!.RefreshToken));

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.Content.ReadFromJsonAsync<AccountsApi.TokenResponse>();
        using var script = app.Client();
        script.DefaultRequestHeaders.Authorization = new("Bearer", second!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.AccessToken })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await script.PostAsJsonAsync("/api/me/password", new { currentPassword = Accounts.Password, newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer_however_often_they_are_tried()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        var unknownName = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var client = app.Client();

        var unknownForm = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = unknownName, ["Password"] = "Some-Password-1" });
        var wrongForm = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = user.UserName!, ["Password"] = "Some-Password-1" });
        Assert.Equal(unknownForm.StatusCode, wrongForm.StatusCode);
        Assert.Equal(Alert(await unknownForm.Content.ReadAsStringAsync()), Alert(await wrongForm.Content.ReadAsStringAsync()));

        // Repeated guesses too: a real account must not start answering "locked" where an unknown name does not.
        for (var i = 0; i < 6; i++)
        {
            var unknown = await client.PostAsJsonAsync("/api/auth/token", new { userName = unknownName, password = $"Some-Password-{i}" });
            var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = $"Some-Password-{i}" });
            Assert.Equal(unknown.StatusCode, wrongPassword.StatusCode);
            Assert.Equal(Detail(await unknown.Content.ReadAsStringAsync()), Detail(await wrongPassword.Content.ReadAsStringAsync()));
            Assert.Equal(unknown.Headers.RetryAfter is null, wrongPassword.Headers.RetryAfter is null);
        }
    }

    [Fact]
    public async Task The_office_opens_liaison_and_leader_accounts_but_only_an_admin_opens_member_office_and_admin_accounts()
    {
        var office = await Accounts.CreateAsync(app.Factory, Roles.Office);
        var admin = await Accounts.CreateAsync(app.Factory, Roles.Admin);
        using var officeClient = await Accounts.CookieClientAsync(app.Factory, office.UserName!);
        using var adminClient = await Accounts.CookieClientAsync(app.Factory, admin.UserName!);

        foreach (var role in new[] { Roles.Member, Roles.Office, Roles.Admin })
        {
            var name = $"{role}-{Guid.NewGuid():N}"[..20];
            var refused = await Accounts.PostFormAsync(officeClient, "/office/accounts/new", new() { ["UserName"] = name, ["Role"] = role });
            Assert.DoesNotContain("one-time-password", await refused.Content.ReadAsStringAsync());
            Assert.False(await ExistsAsync(name), $"the office opened a {role} account");
        }
        var leader = $"leader-{Guid.NewGuid():N}"[..20];
        var opened = await Accounts.PostFormAsync(officeClient, "/office/accounts/new", new() { ["UserName"] = leader, ["Role"] = Roles.Leader });
        Assert.Contains("one-time-password", await opened.Content.ReadAsStringAsync());
        Assert.True(await ExistsAsync(leader));
        Assert.DoesNotContain("value=\"member\"", await officeClient.GetStringAsync("/office/accounts/new"));

        var member = $"member-{Guid.NewGuid():N}"[..20];
        var byAdmin = await Accounts.PostFormAsync(adminClient, "/office/accounts/new", new() { ["UserName"] = member, ["Role"] = Roles.Member });
        Assert.Contains("one-time-password", await byAdmin.Content.ReadAsStringAsync());
        Assert.True(await ExistsAsync(member));
    }

    [Fact]
    public async Task Sign_ins_failures_and_password_changes_are_audited_without_the_password()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var client = app.Client();
        await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = "Guessed-Password-7" });
        using var script = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        await script.PostAsJsonAsync("/api/me/password", new { currentPassword = Accounts.Password, newPassword = NewPassword });

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Entity == "Account" && e.EntityId == user.Id).ToListAsync();
        Assert.Contains(entries, e => e.Action == "sign-in-failed");
        Assert.Contains(entries, e => e.Action == "sign-in");
        Assert.Contains(entries, e => e.Action == "password-changed");
        Assert.DoesNotContain(entries, e => $"{e.Before}{e.After}".Contains("Guessed-Password-7") || $"{e.Before}{e.After}".Contains(NewPassword));
    }

    async Task<bool> ExistsAsync(string userName)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<JiaowangUser>>().FindByNameAsync(userName) is not null;
    }

    internal static string? Detail(string json) => JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString();

    internal static string Alert(string page) => Regex.Match(page, "<p class=\"form-error\" role=\"alert\">([^<]*)</p>").Groups[1].Value;
}
