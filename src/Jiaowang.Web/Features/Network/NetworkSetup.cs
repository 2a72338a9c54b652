using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>Registers the partner network (友城名录, 国际活动, 周年日历) and loads the shipped partner list on first start.</summary>
public static class NetworkSetup
{
    public const string CountriesPath = "Seed/countries.csv";
    public const string PartnersPath = "Seed/wuhan-sister-cities.csv";

    public static IServiceCollection AddNetwork(this IServiceCollection services) => services
        .AddSingleton(_ => LoadCountries())
        .AddScoped<RegistrySync>()
        .AddScoped<PartnerImporter>()
        .AddScoped<PartnerEditor>();

    /// <summary>The web host's share: the registry sync round in the background (the CLI syncs as it writes).</summary>
    public static IServiceCollection AddRegistrySyncJob(this IServiceCollection services) => services.AddHostedService<RegistrySyncJob>();

    public static CountryCatalog LoadCountries() =>
        CountryCatalog.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CountriesPath)));

    /// <summary>
    /// On an empty registry, imports the shipped copy of the real partner list (each row keeps its source URLs), unless
    /// <c>Seed:Partners</c> is false. Registry-bound targets are brought up to date by <see cref="RegistrySyncJob"/>.
    /// </summary>
    public static async Task PrepareNetworkAsync(this WebApplication app, StartupFacts facts)
    {
        if (facts.HasPartners) return;
        using var actor = Audit.AuditActors.Use("system:startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        if (app.Configuration.GetValue("Seed:Partners", true) && !await db.Partners.AnyAsync())
        {
            await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, PartnersPath));
            var result = await scope.ServiceProvider.GetRequiredService<PartnerImporter>().ImportAsync(PartnersPath, file, "seed");
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiaowang.Network");
            if (result.Ok) logger.LogInformation("Loaded {Count} partners from the shipped list", result.Added);
            else logger.LogError("The shipped partner list was refused: {Problems}", string.Join("; ", result.Problems));
        }
    }
}
