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
