using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiaowang.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The audit chain for every process that opens the database (web host, CLI, tests): called from
    /// <c>AddJiaowangDatabase</c>, so no host can have the database without the chain.
    /// </summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration)
    {
        // A host that knows better names itself before this (the CLI: cli:<os user>).
        services.TryAddSingleton(new AuditProcess("system:web"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new AuditSeal(configuration));
        services.AddSingleton<AuditActors>();
        // How long a save waits for its turn to append on PostgreSQL before it is refused as busy (503), kept under
        // Npgsql's 30 s command timeout, whose expiry would be a 500.
        services.AddSingleton(new AuditAppendWait(configuration.GetValue("Audit:AppendLockWait", TimeSpan.FromSeconds(20))));
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditInterceptor>());
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        return services;
    }
}

/// <summary>The longest a save waits for the audit chain's append lock (PostgreSQL).</summary>
public sealed record AuditAppendWait(TimeSpan Limit);
