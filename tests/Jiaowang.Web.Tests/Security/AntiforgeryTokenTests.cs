using System.Net;

namespace Jiaowang.Web.Tests.Security;

/// <summary>
/// A signed-in browser is handed the form token it was given before (Shared/KeptAntiforgeryTokens): it must still be
/// its own, bound to its cookie and its account, and refused anywhere else.
/// </summary>
public sealed class AntiforgeryTokenTests(SeededApp app) : IClassFixture<SeededApp>
{
    static Task<HttpResponseMessage> SignOutAsync(HttpClient browser, string token) =>
        browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

    static async Task<string> PageTokenAsync(HttpClient browser, string path = "/tasks/1")
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A page that holds a token is never stored by a browser or a proxy, whether the token is new or given again.
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var token = Accounts.FormToken(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(token));
        return token;
    }

    [Fact]
    public async Task A_browser_gets_its_own_token_again_on_every_page_and_it_works_only_for_that_browser_and_account()
    {
        var office = await Accounts.CreateAsync(app.Factory, "office");
        var leader = await Accounts.CreateAsync(app.Factory, "leader");
        using var desk = await Accounts.CookieClientAsync(app.Factory, office.UserName!);
        using var laptop = await Accounts.CookieClientAsync(app.Factory, office.UserName!);

        var deskToken = await PageTokenAsync(desk);
        Assert.Equal(deskToken, await PageTokenAsync(desk));
        Assert.Equal(deskToken, await PageTokenAsync(desk, "/units/1"));
        var laptopToken = await PageTokenAsync(laptop);
        Assert.NotEqual(deskToken, laptopToken);

        // Another browser's token is refused, the browser's own is taken.
        Assert.Equal(HttpStatusCode.BadRequest, (await SignOutAsync(desk, laptopToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(laptop, laptopToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/tasks/1")).StatusCode);

        // The same browser, signed in to another account, is given a token of that account: the first one's is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(desk, deskToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(desk, "/account/login",
            new() { ["UserName"] = leader.UserName!, ["Password"] = Accounts.Password })).StatusCode);
        var leaderToken = await PageTokenAsync(desk);
        Assert.NotEqual(deskToken, leaderToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignOutAsync(desk, deskToken)).StatusCode);
        Assert.Equal(leaderToken, await PageTokenAsync(desk));
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutAsync(desk, leaderToken)).StatusCode);
    }
}
