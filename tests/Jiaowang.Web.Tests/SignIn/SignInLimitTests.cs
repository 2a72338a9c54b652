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

/// <summary>
/// The sign-in limits per client address. The test server has no client address, so a test header stands for it,
/// as a forwarding proxy's header would.
/// </summary>
public sealed class SignInLimitTests
{
    sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Client", out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    static JiaowangFactory Start(Dictionary<string, string> settings) =>
        new(TestDatabase.Sqlite(), seedBundledPlan: false, services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(), settings);

    static HttpClient ClientFrom(JiaowangFactory factory, string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    [Fact]
    public async Task Guessing_one_account_slows_the_guesser_with_429_but_the_owner_signs_in_from_elsewhere_and_nothing_is_locked()
    {
        await using var factory = Start([]);
        try
        {
            var user = await Accounts.CreateAsync(factory, Roles.Leader);
            using var guesser = ClientFrom(factory, "203.0.113.7");
            using var owner = ClientFrom(factory, "198.51.100.20");

            for (var i = 0; i < 5; i++)
            {
                var wrong = await guesser.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = $"Guess-number-{i}" });
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
            var sixth = await guesser.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });
            var form = await Accounts.PostFormAsync(guesser, "/account/login", new() { ["UserName"] = user.UserName!, ["Password"] = Accounts.Password });
            var ownerToken = await owner.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });

            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
            Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
            Assert.NotNull(form.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, ownerToken.StatusCode);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Trying_many_names_from_one_address_makes_that_address_wait_for_every_account()
    {
        await using var factory = Start(new() { ["Accounts:SignInRateLimit:FailuresPerAddress"] = "6" });
        try
        {
            var user = await Accounts.CreateAsync(factory, Roles.Leader);
            using var sprayer = ClientFrom(factory, "203.0.113.8");
            using var owner = ClientFrom(factory, "198.51.100.21");

            for (var i = 0; i < 6; i++)
            {
                await sprayer.PostAsJsonAsync("/api/auth/token", new { userName = $"name-{i}", password = "Spring-2026-Password" });
            }
            var blocked = await sprayer.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });

            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            Assert.NotNull(blocked.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password })).StatusCode);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sign_in_requests_beyond_the_limit_get_429_with_retry_after_while_the_rest_of_the_app_answers()
    {
        await using var factory = Start(new() { ["Accounts:SignInRateLimit:PermitLimit"] = "3", ["Accounts:SignInRateLimit:WindowSeconds"] = "600" });
        try
        {
            var user = await Accounts.CreateAsync(factory, Roles.Leader);
            using var client = ClientFrom(factory, "203.0.113.9");
            using var other = ClientFrom(factory, "198.51.100.22");

            for (var i = 0; i < 3; i++)
            {
                var allowed = await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            var refused = await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });
            var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" });

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.TooManyRequests, refresh.StatusCode);
            // The sign-in form shares the address's budget: the page still opens, signing in through it is refused.
            var page = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var form = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = user.UserName!, ["Password"] = Accounts.Password,
                ["__RequestVerificationToken"] = Accounts.FormToken(await page.Content.ReadAsStringAsync()),
            }));
            Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plans")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password })).StatusCode);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }
}
