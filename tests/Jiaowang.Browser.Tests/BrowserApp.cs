using Jiaowang.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// The app on a loopback port (Kestrel, not the in-memory test server) and Debian's Chromium driven by Playwright;
/// no browser is downloaded.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    JiaowangFactory factory = null!;
    IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        factory = new JiaowangFactory(TestDatabase.Sqlite());
        BaseUrl = LoopbackBrowser.Serve(factory);

        playwright = await Playwright.CreateAsync();
        Browser = await LoopbackBrowser.LaunchAsync(playwright);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
        await factory.Database.DisposeAsync();
    }
}
