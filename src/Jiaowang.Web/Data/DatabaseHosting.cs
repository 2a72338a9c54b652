namespace Jiaowang.Web.Data;

public static class DatabaseHosting
{
    public static WebApplicationBuilder AddJiaowangDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddJiaowangDatabase(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Applies migrations, loads the bundled plan into an empty database (unless <c>Seed:BundledPlan</c> is false)
    /// and runs a first query so that the first visitor does not pay for EF's model building.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // What start-up writes (roles, the bundled plan) is audited as such, not as the web host at large.
        using var actor = Features.Audit.AuditActors.Use("system:startup");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiaowang.Database");
        logger.LogInformation("Database: {Provider} {Target}", app.Services.GetRequiredService<DatabaseInfo>().Provider, app.Services.GetRequiredService<DatabaseInfo>().Display);
        await DatabaseStartup.MigrateAsync(app.Services);
        await Features.Accounts.AccountsSetup.EnsureRolesAsync(app.Services);
        if (app.Configuration.GetValue("Seed:BundledPlan", true))
        {
            await DatabaseStartup.SeedBundledPlanAsync(app.Services, logger);
        }
        if (app.Configuration.GetValue("Seed:Districts", true))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var attached = await Features.Units.DistrictList.EnsureAsync(scope.ServiceProvider.GetRequiredService<JiaowangDb>());
            if (attached > 0) logger.LogInformation("Made {Count} districts and zones the members of 各区人民政府", attached);
        }
    }
}
