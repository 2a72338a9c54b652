using System.Net.Http.Json;
using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests;

/// <summary>Storing plans behaves the same on SQLite and on PostgreSQL.</summary>
public abstract class PlanStorageTests(DatabaseProvider provider) : IAsyncLifetime
{
    TestDatabase database = null!;
    JiaowangFactory factory = null!;
    readonly FailingSwitch failure = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database, seedBundledPlan: false,
            services => services.AddSingleton<IInterceptor>(new FailWhenTargetsAreInserted(failure)));
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    static readonly string SeedPath = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);

    async Task<PlanImportOutcome> ImportAsync(string path, bool replace = false)
    {
        var read = PlanDocumentReader.Read(path);
        Assert.True(read.Succeeded, read.Error?.Message);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanImporter>()
            .ImportAsync(read.Plan!, Path.GetFileName(path), read.Text!, replace);
    }

    async Task<string> SnapshotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Title}:{p.SourceHash}").ToListAsync();
        return string.Join("|", plans) + $" targets={await db.Targets.CountAsync()} tasks={await db.Tasks.CountAsync()}" +
               $" units={await db.Units.CountAsync()} assignments={await db.Assignments.CountAsync()} phases={await db.Phases.CountAsync()}";
    }

    [Fact]
    public async Task Importing_the_Wuhan_plan_stores_every_target_task_unit_and_phase()
    {
        var outcome = await ImportAsync(SeedPath);

        Assert.Equal(PlanImportStatus.Imported, outcome.Status);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        Assert.Equal(19, await db.Targets.CountAsync(t => t.Group!.PlanId == outcome.PlanId));
        Assert.Equal(12, await db.Tasks.CountAsync(t => t.Group!.PlanId == outcome.PlanId));
        Assert.Equal(31, await db.Assignments.Where(a => a.Task!.Group!.PlanId == outcome.PlanId).Select(a => a.UnitId).Distinct().CountAsync());
        var phases = await db.Phases.Where(p => p.PlanId == outcome.PlanId).OrderBy(p => p.Position).Select(p => p.EndMonth).ToListAsync();
        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1)], phases);
        var visitors = await db.Targets.SingleAsync(t => t.Text.Contains("入境游客"));
        Assert.Equal(1_560_000m, visitors.NormalizedValue);
    }

    [Fact]
    public async Task The_api_reads_the_plan_back_from_this_database()
    {
        var outcome = await ImportAsync(SeedPath);
        using var client = factory.CreateClient();

        var plan = await client.GetFromJsonAsync<PlanDetail>($"/api/plans/{outcome.PlanId}");

        Assert.Equal(19, plan!.Targets.Count);
        Assert.Equal("市委外办", plan.Tasks.Single(t => t.Number == 1).LeadUnits.Single().Name);
        Assert.Equal(5, plan.Tasks.Single(t => t.Number == 1).LeadUnits.Count + plan.Tasks.Single(t => t.Number == 1).CoUnits.Count);
    }

    [Fact]
    public async Task Importing_the_same_document_twice_says_so_and_changes_nothing()
    {
        var first = await ImportAsync(SeedPath);
        var before = await SnapshotAsync();

        var second = await ImportAsync(SeedPath);

        Assert.Equal(PlanImportStatus.AlreadyImported, second.Status);
        Assert.Equal(first.PlanId, second.PlanId);
        Assert.True(second.SameText);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Replace_swaps_the_stored_plan_for_the_new_import()
    {
        var first = await ImportAsync(SeedPath);

        var replaced = await ImportAsync(SeedPath, replace: true);

        Assert.Equal(PlanImportStatus.Replaced, replaced.Status);
        Assert.NotEqual(first.PlanId, replaced.PlanId);
        var snapshot = await SnapshotAsync();
        Assert.StartsWith($"{replaced.PlanId}:", snapshot);
        Assert.Contains("targets=19 tasks=12 units=31", snapshot);
    }

    [Fact]
    public async Task A_failure_halfway_through_a_replace_leaves_the_database_exactly_as_before()
    {
        await ImportAsync(SeedPath);
        var before = await SnapshotAsync();

        failure.On = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(SeedPath, replace: true));
        failure.On = false;

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Units_are_shared_by_plans_that_name_them()
    {
        await ImportAsync(SeedPath);
        var other = Path.Combine(Path.GetTempPath(), $"jiaowang-other-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(other, """
            武汉市外事工作方案

            一、工作目标

            ——交流合作进一步扩大,国际友城数量达到 130 个。

            二、工作任务

            (一)深化友城交流

            1. 办好友城合作大会。每年举办一次武汉国际友城合作大会。(责任单位:市委外办,市商务局、市新设局)

            三、工作安排

            (一)实施阶段(2027年1月—6月)。各单位抓好落实。
            """);
        try
        {
            var outcome = await ImportAsync(other);

            Assert.Equal(PlanImportStatus.Imported, outcome.Status);
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            Assert.Equal(32, await db.Units.CountAsync());
            Assert.Equal(1, await db.Units.CountAsync(u => u.Name == "市商务局"));
            Assert.Equal(2, await db.Plans.CountAsync());
        }
        finally
        {
            File.Delete(other);
        }
    }

    sealed class FailingSwitch
    {
        public volatile bool On;
    }

    /// <summary>Makes the database refuse the save that would insert targets: a failure in the middle of an import.</summary>
    sealed class FailWhenTargetsAreInserted(FailingSwitch failure) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (failure.On && eventData.Context!.ChangeTracker.Entries<Target>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException("Simulated failure while inserting targets.");
            }
            return base.SavingChangesAsync(eventData, result, ct);
        }
    }
}

public sealed class SqlitePlanStorageTests() : PlanStorageTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanStorageTests() : PlanStorageTests(DatabaseProvider.Postgres);
