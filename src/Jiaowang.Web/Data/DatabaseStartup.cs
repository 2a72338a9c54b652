using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

/// <summary>Brings the database up to date at start-up and, on an empty database, loads the bundled Wuhan plan.</summary>
public static class DatabaseStartup
{
    public const string BundledPlanPath = "Seed/wuhan-2026-26.txt";

    /// <summary>
    /// Applies the pending migrations, if any. On PostgreSQL the web host and the CLI (<c>jiaowang db migrate</c>) take
    /// turns through an advisory lock, so two processes never migrate at once. Up to date, it costs one query: EF's
    /// <c>Migrate</c> would also compare the model with the last migration's snapshot, which takes most of a second.
    /// </summary>
    /// <returns>The migrations applied.</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var held = await Features.Operations.ClusterLocks.WaitAsync(services.GetRequiredService<DatabaseInfo>(), "migrate", ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }

    /// <summary>Imports the bundled plan when no plan is stored yet, so a new user's first screen is the real plan.</summary>
    public static async Task SeedBundledPlanAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        if (await db.Plans.AnyAsync(ct)) return;

        var path = Path.Combine(AppContext.BaseDirectory, BundledPlanPath);
        var read = PlanDocumentReader.Read(path);
        if (read.Error is { } error)
        {
            logger.LogError("The bundled plan could not be read: {Message}", error.Message);
            return;
        }
        var outcome = await scope.ServiceProvider.GetRequiredService<PlanImporter>()
            .ImportAsync(read.Plan!, Path.GetFileName(path), read.Text!, replace: false, ct);
        logger.LogInformation("Loaded the bundled plan {Title} as plan {Id}", outcome.Title, outcome.PlanId);
    }
}
