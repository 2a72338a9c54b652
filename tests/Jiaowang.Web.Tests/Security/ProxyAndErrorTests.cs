using System.Net;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Security;

/// <summary>
/// Issue 10, item 5: behind the TLS proxy the cookies are Secure, only the configured proxy is believed, and an error in
/// Production shows a friendly page (or bare problem details) with nothing of the server's insides.
/// </summary>
public sealed class ProxyAndErrorTests
{
    const string Proxy = "10.0.0.5";
    const string Stranger = "203.0.113.9";

    /// <summary>TestServer has no socket: the peer address a real connection would have comes from a test header.</summary>
    sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task The_sign_in_cookie_is_Secure_when_the_configured_proxy_says_https_and_a_stranger_cannot_say_so()
    {
        var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database, seedBundledPlan: false,
            configureServices: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
        await using var proxied = factory.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy));
        try
        {
            var user = await Accounts.CreateAsync(proxied, "office");

            var viaProxy = await SignInAsync(proxied, user.UserName!, Proxy);
            Assert.Contains("secure", AuthCookie(viaProxy), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("max-age=", viaProxy.Headers.GetValues("Strict-Transport-Security").Single());

            var fromStranger = await SignInAsync(proxied, user.UserName!, Stranger);
            Assert.DoesNotContain("secure", AuthCookie(fromStranger), StringComparison.OrdinalIgnoreCase);
            Assert.False(fromStranger.Headers.Contains("Strict-Transport-Security"));
        }
        finally { await database.DisposeAsync(); }
    }

    /// <summary>Signs in through the form as a browser behind the proxy would, carrying the cookies by hand (they may be Secure).</summary>
    static async Task<HttpResponseMessage> SignInAsync(WebApplicationFactory<Program> factory, string userName, string peer)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        get.Headers.Add("X-Test-Peer", peer);
        get.Headers.Add("X-Forwarded-Proto", "https");
        var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = Accounts.FormToken(html);
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Accounts.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("X-Test-Peer", peer);
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Jiaowang.Auth="));

    [Fact]
    public async Task In_Production_a_failure_shows_a_reference_and_nothing_of_the_servers_insides()
    {
        var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database).WithWebHostBuilder(b => b.UseEnvironment("Production"));
        try
        {
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            (await client.GetAsync("/api/units")).EnsureSuccessStatusCode();
            // Something the code did not expect: a table gone from under it.
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Partners\" RENAME TO \"PartnersGone\"");
            }

            var page = await client.GetAsync("/world");
            Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("出错了", html);
            Assert.Matches("编号：[0-9a-f-]{20,}", html);
            AssertNoInsides(html);

            var api = await client.GetAsync("/api/partners");
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            var problem = await api.Content.ReadAsStringAsync();
            AssertNoInsides(problem);
            Assert.DoesNotContain("\"exception\"", problem);
        }
        finally { await database.DisposeAsync(); }
    }

    static void AssertNoInsides(string body)
    {
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain(".cs:line", body);
        Assert.DoesNotContain("/src/", body);
    }
}
