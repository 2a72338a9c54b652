using System.CommandLine;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli;

/// <summary>
/// The configuration and services a command runs with: the web host's appsettings.json, then
/// appsettings.{Environment}.json, then environment variables (ConnectionStrings__Jiaowang), then the
/// --provider and --connection options, so that commands act on the database the running app uses.
/// </summary>
static class CliHost
{
    public static readonly Option<string?> Provider = new("--provider") { Description = Messages.Get("Option.Provider.Description"), Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = Messages.Get("Option.Connection.Description"), Recursive = true };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider) overrides["Database:Provider"] = provider;
        if (parse.GetValue(Connection) is { } connection) overrides["ConnectionStrings:Jiaowang"] = connection;

        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Services for one command, on a migrated database.</summary>
    public static async Task<ServiceProvider> StartAsync(ParseResult parse, CancellationToken ct)
    {
        var provider = Services(parse);
        await DatabaseStartup.MigrateAsync(provider, ct);
        await AccountsSetup.EnsureRolesAsync(provider);
        return provider;
    }

    /// <summary>
    /// Services without touching the database: <c>restore</c> must look at the target as it is, before migrating it
    /// or writing the roles (which would create an audit key and entries of their own).
    /// </summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var services = new ServiceCollection();
        services
            .AddLogging()
            .AddSingleton(configuration)
            .AddSingleton(TimeProvider.System)
            // Whatever a command writes is audited under the operating-system account that ran it.
            .AddSingleton(new AuditProcess($"cli:{Environment.UserName}"))
            .AddJiaowangDatabase(configuration)
            .AddPlans()
            .AddNetwork()
            .AddLocalization()
            .AddScoped<AccountService>()
            .AddScoped<Jiaowang.Web.Features.Audit.AuditLog>();
        services.AddIdentityCore<JiaowangUser>(AccountsSetup.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<JiaowangDb>();
        return services.BuildServiceProvider();
    }
}
