using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

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
        var pending = await PendingAsync(db, ct);
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }

    /// <summary>
    /// The migrations of this build the database has not applied. EF's <c>GetPendingMigrationsAsync</c> builds a model of
    /// its history table before reading it, a quarter of a second of every start (docs/PERFORMANCE.md, "Start-up");
    /// the table's one column needed here is read with a plain query instead, and this build's migrations are named by
    /// the assembly's metadata (<see cref="MigrationIds"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(JiaowangDb db, CancellationToken ct = default)
    {
        var known = MigrationIds.Of(db);
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return known;
        var table = HistoryRepository.DefaultTableName;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using (var exists = connection.CreateCommand())
            {
                exists.CommandText = db.Database.IsNpgsql()
                    ? $"SELECT to_regclass('\"{table}\"') IS NOT NULL"
                    : $"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
                if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(ct))) return known;
            }
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT \"MigrationId\" FROM \"{table}\"";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return known.Where(m => !applied.Contains(m)).ToList();
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
