using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Tests.Spreadsheets;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Targets;

/// <summary>
/// The readings' roll-up per target (issue 16, <see cref="TargetRollup"/>): after every kind of write — the demo year
/// generated and replaced, the API, an Excel import with a correction, a revision of the plan, a deleted and an edited
/// reading, writers racing on one target — it equals a recomputation from the readings, and the dashboard shows the
/// statuses the readings themselves give.
/// </summary>
public abstract class TargetRollupTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;

    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<T> WithDbAsync<T>(Func<JiaowangDb, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<JiaowangDb>());
    }

    /// <summary>The roll-up as stored against the one the readings give, for every target that has any.</summary>
    async Task AssertRollupsMatchReadingsAsync()
    {
        var (stored, expected) = await WithDbAsync(async db =>
        {
            var readings = await db.Readings.AsNoTracking().ToListAsync();
            var expected = readings.GroupBy(r => r.TargetId).Select(g =>
            {
                var latest = g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).First();
                return (g.Key, g.Count(), latest.Id, latest.Value, latest.AsOf, latest.Origin);
            }).OrderBy(r => r.Key).ToList();
            var stored = (await db.TargetRollups.AsNoTracking().ToListAsync())
                .Select(r => (r.TargetId, r.ReadingCount, r.LatestReadingId, r.LatestValue, r.LatestAsOf, r.LatestOrigin)).OrderBy(r => r.TargetId).ToList();
            return (stored, expected);
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stored);
    }

    /// <summary>Each target's status on the dashboard against the status its latest reading earns, read from the readings.</summary>
    async Task AssertDashboardStatusesFromReadingsAsync()
    {
        using var office = await app.OfficeAsync();
        var dashboard = await office.GetFromJsonAsync<DashboardModel>($"/api/plans/{app.PlanId}/dashboard");
        var today = app.Factory.Services.GetRequiredService<TimeProvider>();
        var expected = await WithDbAsync(async db =>
        {
            var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == app.PlanId).ToListAsync();
            var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == app.PlanId).ToListAsync();
            var rules = await TargetStates.RulesAsync(db, app.PlanId);
            var readings = await db.Readings.AsNoTracking().Where(r => r.Target!.Group!.PlanId == app.PlanId).ToListAsync();
            return targets.ToDictionary(t => t.Id, t =>
            {
                var latest = readings.Where(r => r.TargetId == t.Id).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).FirstOrDefault();
                var status = rules[t.Id].Assess(t.Value, t.Qualifier, latest?.Value, TargetStates.Span(phases), dashboard!.Today).Status;
                return (Latest: latest?.Value, Status: StatusText.Code(status), Count: readings.Count(r => r.TargetId == t.Id));
            });
        });
        var bars = dashboard!.TargetGroups.SelectMany(g => g.Targets).ToList();
        Assert.Equal(expected.Count, bars.Count);
        foreach (var bar in bars) Assert.Equal((expected[bar.Id].Latest, expected[bar.Id].Status), (bar.Latest, bar.Status));
        Assert.Equal(expected.Values.Sum(e => e.Count), dashboard.Headline.Readings);
        Assert.Contains(bars, b => b.Latest is not null);
    }

    [Fact]
    public async Task The_rollup_equals_the_readings_after_demo_years_api_writes_an_excel_import_a_revision_deletions_and_edits()
    {
        // The demo year, twice: the second run deletes the first run's readings (ExecuteDelete) and writes its own.
        foreach (var seed in new[] { 3, 4 })
        {
            await WithDbAsync(db => DemoYear.GenerateAsync(db, app.PlanId, seed, new DateOnly(2026, 6, 1), password: "Demo-Password-2026",
                clock: app.Factory.Services.GetRequiredService<TimeProvider>()));
            await AssertRollupsMatchReadingsAsync();
        }
        // Real readings may not join demo ones: the demo data goes, deleted as a plan's office would (all of them).
        await WithDbAsync(db => db.Readings.Where(r => r.RecordedBy!.StartsWith("demo-")).ExecuteDeleteAsync());
        Assert.Equal(0, await WithDbAsync(db => db.TargetRollups.CountAsync()));

        using var office = await app.OfficeAsync();
        var routes = app.TargetId("国际地区航线");
        var partners = app.TargetId("国际友城");
        // Out of order, a correction on the same day, and an older date after a newer one.
        foreach (var (target, value, asOf) in new[] { (routes, 15, "2026-03-31"), (routes, 18, "2026-05-31"), (routes, 17, "2026-05-31"),
                     (routes, 12, "2026-02-28"), (partners, 128, "2026-04-30") })
        {
            var posted = await office.PostAsJsonAsync($"/api/targets/{target}/readings", new { value, asOf, source = "市口岸办统计" });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        await AssertRollupsMatchReadingsAsync();

        // The Excel import, then the same row corrected: a new reading for the same day, which counts.
        var template = await office.GetByteArrayAsync($"/api/plans/{app.PlanId}/readings/template.xlsx");
        var row = int.Parse(Workbooks.Cells(template, "读数 Readings").Single(c => c.Key.StartsWith('B') && c.Value.Contains("国际地区航线")).Key[1..]);
        foreach (var value in new[] { 22, 20 })
        {
            var filled = Workbooks.Fill(template, "读数 Readings", new Dictionary<string, object>
            {
                [$"D{row}"] = new DateOnly(2026, 6, 10), [$"E{row}"] = value, [$"H{row}"] = "天河机场 6 月航班计划",
            });
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(office, $"/api/plans/{app.PlanId}/readings/import", filled)).StatusCode);
        }
        await AssertRollupsMatchReadingsAsync();
        await AssertDashboardStatusesFromReadingsAsync();

        // A revision that adds a target keeps every roll-up, and the new target's first reading makes its own.
        var wuhan = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath));
        const string port = "武汉港集装箱吞吐量达到 200 万标箱。";
        Assert.Contains(port, wuhan);
        var revised = await PostTextAsync(office, $"/api/plans/{app.PlanId}/revisions", wuhan.Replace(port, "武汉港集装箱吞吐量达到 200 万标箱,国际邮件快件处理量达到 500 万件。"));
        Assert.True(revised.IsSuccessStatusCode, await revised.Content.ReadAsStringAsync());
        var added = await WithDbAsync(db => db.Targets.Where(t => t.Group!.PlanId == app.PlanId && t.Text.Contains("国际邮件快件")).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/targets/{added}/readings", new { value = 300, asOf = "2026-06-12", source = "邮政管理局" })).StatusCode);
        await AssertRollupsMatchReadingsAsync();

        // Readings are not deleted or edited by the app, but the database keeps the roll-up right if anyone does:
        // the latest deleted, a middle one deleted, one moved to a later date, one's value changed, one moved to another target.
        await WithDbAsync(async db =>
        {
            var ids = await db.Readings.Where(r => r.TargetId == routes).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).Select(r => r.Id).ToListAsync();
            var (latest, second, third, fourth, oldest) = (ids[0], ids[1], ids[2], ids[3], ids[^1]);
            await db.Readings.Where(r => r.Id == latest || r.Id == third).ExecuteDeleteAsync();
            await db.Readings.Where(r => r.Id == oldest).ExecuteUpdateAsync(s => s.SetProperty(r => r.AsOf, new DateOnly(2026, 7, 1)));
            await db.Readings.Where(r => r.Id == second).ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, 19m));
            await db.Readings.Where(r => r.Id == fourth).ExecuteUpdateAsync(s => s.SetProperty(r => r.TargetId, partners));
            return 0;
        });
        await AssertRollupsMatchReadingsAsync();
        await AssertDashboardStatusesFromReadingsAsync();

        // A target that loses its last reading loses its roll-up row; tracked deletes go the same way.
        await WithDbAsync(async db =>
        {
            db.Readings.RemoveRange(await db.Readings.Where(r => r.TargetId == added).ToListAsync());
            return await db.SaveChangesAsync();
        });
        Assert.False(await WithDbAsync(db => db.TargetRollups.AnyAsync(r => r.TargetId == added)));
        await AssertRollupsMatchReadingsAsync();
    }

    [Fact]
    public async Task Writers_racing_on_one_target_from_separate_connections_leave_the_count_and_the_latest_right()
    {
        var target = app.TargetId("国际地区航线");
        var days = Enumerable.Range(0, 24).Select(i => new DateOnly(2026, 1, 1).AddDays(i * 7 % 150)).ToList();
        // Plain inserts, each on its own connection and transaction: the audited SaveChanges would take turns on its lock.
        await Task.WhenAll(days.Select((day, i) => Task.Run(() => WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Readings\" (\"TargetId\", \"Value\", \"AsOf\", \"Source\", \"Origin\", \"RecordedBy\", \"RecordedAt\") VALUES ({target}, {(decimal)i}, {day}, 'race', 0, 'office', {DateTimeOffset.UtcNow})")))));
        await AssertRollupsMatchReadingsAsync();
        Assert.Equal(24, await WithDbAsync(db => db.TargetRollups.Where(r => r.TargetId == target).Select(r => r.ReadingCount).SingleAsync()));
    }

    [Fact]
    public async Task The_scale_seeder_bulk_inserts_readings_whose_rollups_match_and_marks_everything_demo()
    {
        // `jiaowang demo generate --scale`, small: the same bulk path (COPY, or the prepared SQLite command) as 1 million.
        var summary = await WithDbAsync(db => DemoScale.GenerateAsync(db, 5, new DateOnly(2026, 6, 1), "test",
            app.Factory.Services.GetRequiredService<TimeProvider>(), plans: 3, targetsPerPlan: 4, readings: 600, reports: 30));
        Assert.Equal((3, 12, 600, 30), (summary.Plans, summary.Targets, summary.Readings, summary.Reports));
        await AssertRollupsMatchReadingsAsync();
        Assert.Equal(3, await WithDbAsync(db => db.DemoRuns.CountAsync()));
        Assert.Equal(600, await WithDbAsync(db => db.Readings.CountAsync(r => r.RecordedBy == DemoScale.Recorder)));
        Assert.All(await WithDbAsync(db => db.Plans.Where(p => p.SourceName == DemoScale.SourceName).Select(p => p.Title).ToListAsync()),
            title => Assert.StartsWith(Jiaowang.Core.Demo.DemoRun.TextMark, title));
        await Assert.ThrowsAsync<InvalidOperationException>(() => WithDbAsync(db => DemoScale.GenerateAsync(db, 5, new DateOnly(2026, 6, 1), "test",
            TimeProvider.System, plans: 1, targetsPerPlan: 2, readings: 10, reports: 1)));
    }

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] xlsx)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "读数.xlsx");
        return await client.PostAsync(url, form);
    }

    static async Task<HttpResponseMessage> PostTextAsync(HttpClient client, string url, string text)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "document", "wuhan-revised.txt");
        return await client.PostAsync(url, form);
    }
}

public sealed class SqliteTargetRollupTests() : TargetRollupTests(DatabaseProvider.Sqlite);

public sealed class PostgresTargetRollupTests() : TargetRollupTests(DatabaseProvider.Postgres);
