using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// The app on loopback with the Wuhan plan and most of a year of supervision behind it, seen on 1 December 2026,
/// and Chromium to look at the dashboard.
/// </summary>
public sealed class DashboardBrowserApp : IAsyncLifetime
{
    /// <summary>The day the app believes it is: late in the plan, so every panel has something to show.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    IPlaywright playwright = null!;
    public JiaowangFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public int PlanId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new JiaowangFactory(TestDatabase.Sqlite(), configureServices: s => s.AddSingleton<TimeProvider>(new FixedClock(Today)));
        BaseUrl = LoopbackBrowser.Serve(Factory);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            PlanId = await db.Plans.Select(p => p.Id).SingleAsync();
            await FillAsync(db, PlanId);
        }
        playwright = await Playwright.CreateAsync();
        Browser = await LoopbackBrowser.LaunchAsync(playwright);
    }

    /// <summary>The year `jiaowang demo generate --seed 2026` makes: the same reports, readings, reviews and reminders.</summary>
    static Task FillAsync(JiaowangDb db, int planId) =>
        DemoYear.GenerateAsync(db, planId, seed: 2026, until: DateOnly.FromDateTime(Today.DateTime), clock: new FixedClock(Today));

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        // Waits end as soon as their condition holds; the long ceiling only matters when CI's two cores are busy with
        // every browser test at once (a 30 s navigation limit was hit there once).
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}
