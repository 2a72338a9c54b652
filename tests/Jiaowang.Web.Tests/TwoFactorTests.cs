using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Features.Accounts;
using OtpNet;

namespace Jiaowang.Web.Tests;

/// <summary>TOTP codes are computed here by an independent implementation (Otp.NET), as a phone app would.</summary>
public sealed class TwoFactorTests(SeededApp app) : IClassFixture<SeededApp>
{
    /// <summary>The app's code now, or a later step's: each code is accepted once, so a second sign-in uses the next one.</summary>
    static string CodeFor(string key, int secondsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTime.UtcNow.AddSeconds(secondsAhead));

    static string Alert(string page) => Regex.Match(page, "<p class=\"form-error\" role=\"alert\">([^<]*)</p>").Groups[1].Value;

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

        var passwordOnly = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var withCode = await Accounts.PostFormAsync(client, "/account/login",
            new() { ["UserName"] = userName, ["Password"] = Accounts.Password, ["Code"] = CodeFor(key, 30) });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal("office", (await client.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
    }

    [Fact]
    public async Task With_two_step_sign_in_on_the_answer_does_not_tell_whether_the_password_was_right()
    {
        var (userName, key) = await EnrolAsync();
        using var client = app.Client();

        var wrongPassword = await Accounts.PostFormAsync(client, "/account/login",
            new() { ["UserName"] = userName, ["Password"] = "Wrong-Password-1", ["Code"] = CodeFor(key, 30) });
        var wrongCode = await Accounts.PostFormAsync(client, "/account/login",
            new() { ["UserName"] = userName, ["Password"] = Accounts.Password, ["Code"] = "123456" });
        var wrongPasswordPage = await wrongPassword.Content.ReadAsStringAsync();
        Assert.Equal(wrongPassword.StatusCode, wrongCode.StatusCode);
        Assert.NotEmpty(Alert(wrongPasswordPage));
        Assert.Equal(Alert(wrongPasswordPage), Alert(await wrongCode.Content.ReadAsStringAsync()));

        var tokenWrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "Wrong-Password-1", twoFactorCode = CodeFor(key, 30) });
        var tokenWrongCode = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password, twoFactorCode = "123456" });
        Assert.Equal(HttpStatusCode.Unauthorized, tokenWrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenWrongCode.StatusCode);
        Assert.Equal(Detail(await tokenWrongPassword.Content.ReadAsStringAsync()), Detail(await tokenWrongCode.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_script_needs_the_code_too_to_get_a_token()
    {
        var (userName, key) = await EnrolAsync();
        using var client = app.Client();

        var without = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password });
        var with = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password, twoFactorCode = CodeFor(key, 30) });

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("twoFactorCode", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task A_code_signs_in_once_and_is_refused_the_second_time()
    {
        var (userName, key) = await EnrolAsync();
        using var client = app.Client();
        var code = CodeFor(key, 30);

        var first = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password, twoFactorCode = code });
        var again = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Accounts.Password, twoFactorCode = code });
        var form = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = Accounts.Password, ["Code"] = code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // the form again, not the redirect of a signed-in person
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    static string? Detail(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString();

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
