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
public sealed class DashboardBrowserApp : LoopbackApp
{
    /// <summary>The day the app believes it is: late in the plan, so every panel has something to show.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public int PlanId { get; private set; }

    protected override Task<JiaowangFactory> CreateFactoryAsync() =>
        Task.FromResult(new JiaowangFactory(TestDatabase.Sqlite(), configureServices: s => s.AddSingleton<TimeProvider>(new FixedClock(Today))));

    protected override async Task PrepareAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        PlanId = await db.Plans.Select(p => p.Id).SingleAsync();
        await FillAsync(db, PlanId);
    }

    /// <summary>The year `jiaowang demo generate --seed 2026` makes: the same reports, readings, reviews and reminders.</summary>
    static Task FillAsync(JiaowangDb db, int planId) =>
        DemoYear.GenerateAsync(db, planId, seed: 2026, until: DateOnly.FromDateTime(Today.DateTime), clock: new FixedClock(Today));
}
