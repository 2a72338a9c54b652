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
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<AuditInterceptor>());
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        return services;
    }
}
