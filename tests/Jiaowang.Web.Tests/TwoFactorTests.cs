using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Features.Accounts;
using OtpNet;

namespace Jiaowang.Web.Tests;

/// <summary>TOTP codes are computed here by an independent implementation (Otp.NET), as a phone app would.</summary>
public sealed class TwoFactorTests(SeededApp app) : IClassFixture<SeededApp>
{
    static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    async Task<(string UserName, string Key)> EnrolAsync()
    {
        var office = await Accounts.CreateAsync(app.Factory, Roles.Office);
        using var client = await Accounts.CookieClientAsync(app.Factory, office.UserName!);
        var page = await client.GetStringAsync("/account/2fa");
        var key = Regex.Match(page, "<code class=\"totp-key\" data-key>([^<]+)</code>").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await Accounts.PostFormAsync(client, "/account/2fa?handler=Enable", new() { ["Code"] = "000000" }, "/account/2fa");
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());
        var enabled = await Accounts.PostFormAsync(client, "/account/2fa?handler=Enable", new() { ["Code"] = CodeFor(key) }, "/account/2fa");
        Assert.Contains("两步验证已开启", await enabled.Content.ReadAsStringAsync());
        return (office.UserName!, key);
    }

    [Fact]
    public async Task With_two_step_sign_in_on_the_password_alone_does_not_sign_in()
    {
        var (userName, key) = await EnrolAsync();
        using var client = app.Client();

        var login = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = Accounts.Password });
        Assert.Equal("/account/login-2fa", login.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var second = await Accounts.PostFormAsync(client, "/account/login-2fa", new() { ["Code"] = CodeFor(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("office", (await client.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
    }

    [Fact]
    public async Task A_script_needs_the_code_too_to_get_a_token()
    {
        var (userName, key) = await EnrolAsync();
        using var client = app.Client();

        var without = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password });
        var with = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password, twoFactorCode = CodeFor(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("twoFactorCode", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task Liaisons_do_not_get_the_two_step_page()
    {
        var liaison = await Accounts.CreateAsync(app.Factory, Roles.Liaison, "市商务局");
        using var client = await Accounts.CookieClientAsync(app.Factory, liaison.UserName!);

        var response = await client.GetAsync("/account/2fa");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);
    }
}
