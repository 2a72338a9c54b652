using System.Text.RegularExpressions;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Issue 10, item 1, in Chromium: the office opens an account and sees its one-time password; signed in with it, the
/// new account reaches nothing but the password page, however the address is typed, until the password is changed.
/// </summary>
public sealed class OneTimePasswordBrowserTests(SqliteSupervisionBrowserApp app) : IClassFixture<SqliteSupervisionBrowserApp>
{
    [Fact]
    public async Task A_new_account_signed_in_with_its_one_time_password_is_sent_back_to_the_password_page_from_every_address()
    {
        var officeUser = await Accounts.CreateAsync(app.Factory, "office");
        var office = await app.NewPersonAsync();
        await SignIn.AsAsync(office, officeUser.UserName!, Accounts.Password);
        await office.GotoAsync("/office/accounts/new");
        var newName = $"li-{Guid.NewGuid():N}"[..16];
        await office.GetByLabel("用户名", new() { Exact = true }).FillAsync(newName);
        await office.GetByLabel("角色").SelectOptionAsync(new SelectOptionValue { Label = "单位联络员" });
        await office.GetByLabel("单位（联络员必填）").SelectOptionAsync(new SelectOptionValue { Label = "市商务局" });
        await office.GetByRole(AriaRole.Button, new() { Name = "开设" }).ClickAsync();
        var oneTime = (await office.Locator("code.one-time-password").TextContentAsync())!.Trim();

        var liaison = await app.NewPersonAsync();
        await SignIn.AsAsync(liaison, newName, oneTime);
        await Assertions.Expect(liaison.GetByLabel("当前密码", new() { Exact = true })).ToBeVisibleAsync();

        foreach (var typed in new[] { "/work", "/evaluations", "/followups" })
        {
            await liaison.GotoAsync(typed);
            Assert.Equal("/account/password", new Uri(liaison.Url).AbsolutePath);
            await Assertions.Expect(liaison.GetByText("您使用的是一次性密码")).ToBeVisibleAsync();
        }
        // A script in the page with the same cookie gets 403, not the data.
        Assert.Equal(403, await liaison.EvaluateAsync<int>("async () => (await fetch('/api/me')).status"));
        Assert.Equal(403, await liaison.EvaluateAsync<int>("async () => (await fetch('/api/reports')).status"));

        await liaison.GotoAsync("/account/password?returnUrl=%2Fwork");
        await liaison.GetByLabel("当前密码", new() { Exact = true }).FillAsync(oneTime);
        await liaison.GetByLabel("新密码", new() { Exact = true }).FillAsync("A-new-Password-9");
        await liaison.GetByLabel("再次输入新密码", new() { Exact = true }).FillAsync("A-new-Password-9");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(liaison).ToHaveURLAsync(new Regex("/work$"));
        Assert.Equal(200, await liaison.EvaluateAsync<int>("async () => (await fetch('/api/me')).status"));
    }
}
