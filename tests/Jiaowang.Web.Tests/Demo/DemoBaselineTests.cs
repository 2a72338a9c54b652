using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Demo;

/// <summary>
/// The demo year sets the baselines the city's documents give (partner cities: 127 at the end of 2025) and its readings
/// start there, so the dashboard judges the level from where the city stood; an office's own baseline stands.
/// </summary>
public abstract class DemoBaselineTests(DatabaseProvider provider)
{
    static readonly DateOnly YearEnd = new(2026, 12, 31);

    static async Task<DemoSummary> GenerateAsync(SupervisionApp app, int seed)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await DemoYear.GenerateAsync(scope.ServiceProvider.GetRequiredService<JiaowangDb>(), app.PlanId, seed, YearEnd,
            clock: scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Partner_city_readings_start_from_the_documented_127_and_an_offices_own_baseline_stands()
    {
        await using var app = await SupervisionApp.StartAsync(provider, s => s.Configure<ReminderOptions>(o => o.Automatic = false));
        var id = app.TargetId("国际友城和友好交流城市数量");

        await GenerateAsync(app, 7);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var baseline = Assert.Single(await DemoBaselines.InEffectAsync(db, app.PlanId));
            Assert.Equal((127m, 2025), (baseline.Baseline, baseline.BaseYear));
            Assert.Contains("127个城市", baseline.Source);
            var target = await db.Targets.SingleAsync(t => t.Id == id);
            Assert.Equal((127m, 2025), (target.Baseline, target.BaseYear));
            // No other target of the plan has a documented baseline: none is invented.
            Assert.Equal(1, await db.Targets.CountAsync(t => t.Group!.PlanId == app.PlanId && t.Baseline != null));
            var values = await db.Readings.Where(r => r.TargetId == id).OrderBy(r => r.AsOf).Select(r => r.Value).ToListAsync();
            // March to November: December's reading is entered in January, after the run's last day.
            Assert.True(values.Count >= 9, $"{values.Count} readings");
            Assert.All(values, v => Assert.InRange(v, 127m, 129m));
            // The dashboard judges the level from 127: what was gained of the 2 partners wanted.
            var state = (await TargetStates.ForPlanAsync(db, app.PlanId, YearEnd))[id];
            Assert.Equal((TargetKind.Level, 127m), (state.Assessment.Kind, state.Assessment.Baseline));
            var gained = Math.Round((values[^1] - 127m) / 2m, 4);
            Assert.Equal(values[^1] >= 129m ? Math.Max(gained, 1m) : gained, state.Assessment.ValueProgress);

            // The office knows better: its baseline is kept on the next run, and the readings start from it.
            target.Baseline = 125m;
            await db.SaveChangesAsync();
        }
        await GenerateAsync(app, 7);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            Assert.Empty(await DemoBaselines.InEffectAsync(db, app.PlanId));
            Assert.Equal(125m, (await db.Targets.SingleAsync(t => t.Id == id)).Baseline);
            Assert.All(await db.Readings.Where(r => r.TargetId == id).Select(r => r.Value).ToListAsync(), v => Assert.InRange(v, 125m, 129m));
        }
    }
}

public sealed class SqliteDemoBaselineTests() : DemoBaselineTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoBaselineTests() : DemoBaselineTests(DatabaseProvider.Postgres);
