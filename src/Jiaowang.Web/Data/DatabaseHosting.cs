using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

public static class DatabaseHosting
{
    public static WebApplicationBuilder AddJiaowangDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddJiaowangDatabase(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// EF builds the relational mapping of the compiled model (tables, columns, store types) at the first query: a few
    /// hundred milliseconds of CPU that need no database. Called beside the database preparation, whose first query then
    /// finds it made (docs/PERFORMANCE.md, "Start-up").
    /// </summary>
    public static void BuildRelationalModel(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<JiaowangDb>().Model.GetRelationalModel();
    }

    /// <summary>
    /// Applies migrations (unless <c>Database:MigrateOnStart</c> is false: then <c>jiaowang db migrate</c> must have run,
    /// and a database behind this build stops the start with that advice), then makes what a database needs before its
    /// first user: the roles, the bundled plan in an empty database (unless <c>Seed:BundledPlan</c> is false), the
    /// districts. Returns what it found (<see cref="StartupFacts"/>), for the other seeding steps of the start.
    /// </summary>
    public static async Task<StartupFacts> PrepareDatabaseAsync(this WebApplication app)
    {
        // What start-up writes (roles, the bundled plan) is audited as such, not as the web host at large.
        using var actor = Features.Audit.AuditActors.Use("system:startup");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiaowang.Database");
        logger.LogInformation("Database: {Provider} {Target}", app.Services.GetRequiredService<DatabaseInfo>().Provider, app.Services.GetRequiredService<DatabaseInfo>().Display);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            var applied = await DatabaseStartup.MigrateAsync(app.Services);
            if (applied.Count > 0) logger.LogInformation("Applied {Count} migrations, the last {Last}", applied.Count, applied[^1]);
        }
        else
        {
            var pending = await DatabaseStartup.PendingAsync(db);
            if (pending.Count > 0)
                throw new InvalidOperationException($"The database lacks {pending.Count} migration(s) of this build (Database:MigrateOnStart is false): run `jiaowang db migrate` first.");
        }
        var facts = await StartupFacts.ReadAsync(db);
        if (!facts.RolesMade) await Features.Accounts.AccountsSetup.EnsureRolesAsync(app.Services);
        if (!facts.HasPlan && app.Configuration.GetValue("Seed:BundledPlan", true))
        {
            await DatabaseStartup.SeedBundledPlanAsync(app.Services, logger);
        }
        // A plan imported just now may have named the groups as plain bodies: the districts are checked again then.
        if ((!facts.DistrictsMade || !facts.HasPlan) && app.Configuration.GetValue("Seed:Districts", true))
        {
            var attached = await Features.Units.DistrictList.EnsureAsync(db);
            if (attached > 0) logger.LogInformation("Made {Count} districts and zones the members of 各区人民政府", attached);
        }
        return facts;
    }
}
