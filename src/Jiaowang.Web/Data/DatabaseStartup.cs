using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

/// <summary>Brings the database up to date at start-up and, on an empty database, loads the bundled Wuhan plan.</summary>
public static class DatabaseStartup
{
    public const string BundledPlanPath = "Seed/wuhan-2026-26.txt";

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        await db.Database.MigrateAsync(ct);
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
