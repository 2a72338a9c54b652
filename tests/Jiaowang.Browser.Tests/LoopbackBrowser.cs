using System.Text.RegularExpressions;
using Jiaowang.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>What every browser fixture does: serve the app on a loopback port and launch Debian's Chromium.</summary>
static class LoopbackBrowser
{
    /// <summary>Starts the factory's host on Kestrel (not the in-memory test server) and returns its address.</summary>
    public static string Serve(JiaowangFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
    }

    /// <summary>Debian's Chromium, headless; no browser is downloaded.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("JIAOWANG_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        // The office network is closed: keep Chromium from calling home, which this machine refuses anyway.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
    });
}

/// <summary>The sign-in form, as a person fills it.</summary>
static class SignIn
{
    /// <summary>Signs in and waits until the sign-in has led off the login page (to where it leads, or to the password form).</summary>
    public static async Task AsAsync(IPage page, string userName, string password = Accounts.Password)
    {
        await page.GotoAsync("/account/login?culture=zh-CN");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // The address is polled: WaitForURL also waits for a load state, and after a form post's redirect that wait
        // never ended on a loaded CI machine (twice, 90 s each).
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 90_000 });
    }
}

/// <summary>The report sections and co-signed summaries, which wwwroot/js/report-sections.js turns into editors.</summary>
static class RichEditors
{
    /// <summary>
    /// Types into the editor <paramref name="label"/> names. Until the page's script has run, the label names the plain
    /// textarea, which the script then hides: on a busy machine a fill could catch the textarea just before that and
    /// wait on it forever, so wait for the switch first.
    /// </summary>
    public static async Task FillAsync(IPage page, string label, string text)
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('textarea[data-rich]')].every(a => a.hidden)");
        await page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true }).FillAsync(text);
    }
}

/// <summary>
/// What every browser fixture is: the app on a loopback port (Kestrel, not the in-memory test server), Debian's Chromium
/// driven by Playwright, and a fresh browser profile per person. The derived fixture says which app (database, clock,
/// settings) and may fill it before the first page.
/// </summary>
public abstract class LoopbackApp : IAsyncLifetime
{
    IPlaywright playwright = null!;
    public JiaowangFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected abstract Task<JiaowangFactory> CreateFactoryAsync();

    /// <summary>Runs once the app listens, before Chromium starts.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Factory = await CreateFactoryAsync();
        BaseUrl = LoopbackBrowser.Serve(Factory);
        await PrepareAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await LoopbackBrowser.LaunchAsync(playwright);
    }

    /// <summary>A page in a separate browser profile: each person in a test has their own cookies.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        // Waits end as soon as their condition holds; the long ceiling only matters when CI's two cores are busy with
        // every suite at once (30 s limits were hit there).
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    public Task<IPage> NewPersonAsync() => NewPageAsync();

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}
