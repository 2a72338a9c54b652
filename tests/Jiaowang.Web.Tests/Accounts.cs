using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests;

/// <summary>Opening accounts and signing in through the front door, for tests of any feature.</summary>
public static class Accounts
{
    public const string Password = "Jiaowang-Test-2026";

    /// <summary>Opens an account the way the office does, with a known password.</summary>
    public static async Task<JiaowangUser> CreateAsync(WebApplicationFactory<Program> factory, string role, string? unit = null, string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(name ?? $"{role}-{Guid.NewGuid():N}"[..20], role, unit, Password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.User!;
    }

    /// <summary>A client that sends a bearer token from <c>POST /api/auth/token</c>, as a script would.</summary>
    public static async Task<HttpClient> BearerClientAsync(WebApplicationFactory<Program> factory, string userName, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccountsApi.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client signed in through the login form with its antiforgery token, as a browser would.</summary>
    public static async Task<HttpClient> CookieClientAsync(WebApplicationFactory<Program> factory, string userName, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token in a page's forms (empty when it has none).</summary>
    public static string FormToken(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Loads the page's form, then posts it with the antiforgery token the page gave.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = FormToken(page);
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
