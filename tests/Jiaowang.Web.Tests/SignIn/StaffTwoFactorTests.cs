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

/// <summary>With <c>Accounts:RequireTwoFactorForStaff</c> on (the shipped default), office and admin enrol first.</summary>
public sealed class StaffTwoFactorTests
{
    [Fact]
    public async Task An_office_account_without_two_step_sign_in_is_sent_to_set_it_up_before_anything_else()
    {
        await using var factory = new JiaowangFactory(TestDatabase.Sqlite(), settings: new Dictionary<string, string> { ["Accounts:RequireTwoFactorForStaff"] = "true" });
        try
        {
            var office = await Accounts.CreateAsync(factory, Roles.Office);
            var liaison = await Accounts.CreateAsync(factory, Roles.Liaison, "市商务局");
            using var client = await Accounts.CookieClientAsync(factory, office.UserName!);

            var review = await client.GetAsync("/office/review");
            Assert.Equal("/account/2fa", review.Headers.Location?.OriginalString.Split('?')[0]);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/me")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostAsJsonAsync("/api/auth/token", new { userName = office.UserName, password = Accounts.Password })).StatusCode);
            // Others are not asked.
            using var liaisonClient = await Accounts.BearerClientAsync(factory, liaison.UserName!);
            Assert.Equal(HttpStatusCode.OK, (await liaisonClient.GetAsync("/api/me")).StatusCode);

            var page = await client.GetStringAsync("/account/2fa");
            Assert.Contains("须开启两步验证", page);
            var key = Regex.Match(page, "<code class=\"totp-key\" data-key>([^<]+)</code>").Groups[1].Value;
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp();
            var enabled = await Accounts.PostFormAsync(client, "/account/2fa?handler=Enable&returnUrl=%2Foffice%2Freview", new() { ["Code"] = code }, "/account/2fa");

            Assert.Equal("/office/review", enabled.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/office/review")).StatusCode);
            Assert.Equal("office", (await client.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
        }
        finally
        {
            await factory.Database.DisposeAsync();
        }
    }
}
