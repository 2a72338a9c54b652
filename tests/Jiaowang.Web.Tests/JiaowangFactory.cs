using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests;

/// <summary>The real app on a real database; only the edges (the clock, here) are swapped.</summary>
/// <param name="settings">Configuration for this app, over <see cref="DefaultSettings"/>.</param>
public class JiaowangFactory(TestDatabase database, bool seedBundledPlan = true, Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// Every test signs in from the same (empty) address, many times: the sign-in limits are set out of reach, and
    /// office and admin accounts need no two-step sign-in, except in the tests of those rules, which set their own.
    /// The shipped district list is not attached to 各区人民政府 (tests of groups set <c>Seed:Districts</c>).
    /// Access tokens last 8 hours as before, because some tests move the app's clock by hours between requests.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultSettings = new Dictionary<string, string>
    {
        ["Accounts:RequireTwoFactorForStaff"] = "false",
        ["Accounts:SignInRateLimit:PermitLimit"] = "1000000",
        ["Accounts:SignInRateLimit:FailuresPerAddress"] = "1000000",
        ["Accounts:AccessTokenMinutes"] = "480",
        // The district list stays out unless a test asks for it: most tests count the plan's units as the plan names them.
        ["Seed:Districts"] = "false",
        // A query that loads two collections in one statement fails the test that runs it (docs/DATA.md).
        ["Database:RefuseCartesianQueries"] = "true",
    };

    /// <summary>Today in these tests: inside the plan's implementation phase, so the timeline has a "today".</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(8));

    public TestDatabase Database => database;

    readonly bool makingTemplate;

    JiaowangFactory(TestDatabase database, bool seedBundledPlan, bool makingTemplate) : this(database, seedBundledPlan) =>
        this.makingTemplate = makingTemplate;

    /// <summary>The app that makes a template database (<see cref="DatabaseTemplates"/>).</summary>
    internal static JiaowangFactory ForTemplate(TestDatabase database, bool seedBundledPlan) => new(database, seedBundledPlan, makingTemplate: true);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        // A fresh database starts as a copy of a migrated (and seeded) template instead of migrating and importing again.
        if (!makingTemplate) DatabaseTemplates.FillIfFresh(database, seedBundledPlan, settings);
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Seed:BundledPlan", seedBundledPlan ? "true" : "false");
        // The background jobs' scheduled rounds wait an hour, which no test lasts: a test that is about a job runs its
        // round itself (RunOnceAsync), at the moment it chooses, and one that is about the schedule sets
        // Jobs:FirstRoundDelay itself. Rounds that start on their own cost every test app about a second of CPU
        // beside its requests (docs/PERFORMANCE.md, "Test suite time"), and a template holds only what start-up writes.
        builder.UseSetting("Jobs:FirstRoundDelay", "01:00:00");
        foreach (var (key, value) in DefaultSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(Today));
            // Identity's 100,000 PBKDF2 rounds cost about 75 ms per hash or sign-in here, and the suite opens and signs in
            // thousands of accounts. No test is about the hash's strength; production keeps Identity's default.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            configureServices?.Invoke(services);
        });
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", now.Offset, "China", "China");
}
