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

/// <summary>Access tokens are short (the shipped 15 minutes); a script carries on with the refresh token.</summary>
public sealed class TokenLifetimeTests
{
    [Fact]
    public async Task An_access_token_stops_working_after_15_minutes_and_the_refresh_token_gives_a_new_one()
    {
        var clock = new Evaluations.MovableClock(JiaowangFactory.Today);
        await using var factory = new JiaowangFactory(TestDatabase.Sqlite(), seedBundledPlan: false,
            services => services.AddSingleton<TimeProvider>(clock), new Dictionary<string, string> { ["Accounts:AccessTokenMinutes"] = "15" });
        try
        {
            var user = await Accounts.CreateAsync(factory, Roles.Leader);
            using var client = factory.CreateClient();
            var pair = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password }))
                .Content.ReadFromJsonAsync<AccountsApi.TokenResponse>();
            client.DefaultRequestHeaders.Authorization = new("Bearer", pair!.AccessToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

            clock.Now += TimeSpan.FromMinutes(16);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

            client.DefaultRequestHeaders.Authorization = null;
            var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await refreshed.Content.ReadFromJsonAsync<AccountsApi.TokenResponse>())!.AccessToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_browser_left_alone_for_more_than_eight_hours_is_signed_out_though_its_cookie_was_read_a_moment_before()
    {
        var clock = new Evaluations.MovableClock(JiaowangFactory.Today);
        await using var factory = new JiaowangFactory(TestDatabase.Sqlite(), seedBundledPlan: false, services => services.AddSingleton<TimeProvider>(clock));
        try
        {
            var user = await Accounts.CreateAsync(factory, Roles.Leader);
            using var browser = await Accounts.CookieClientAsync(factory, user.UserName!);
            // Read twice, so the second read comes from the unprotected tickets kept for a minute (SignInTickets).
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);

            clock.Now += TimeSpan.FromSeconds(30);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
            clock.Now += TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }
}
