using Jiaowang.Web.Features.Operations;

namespace Jiaowang.Web.Features.Network;

/// <summary>
/// Brings registry-bound targets up to date once the app has started and then every <c>Network:RegistrySyncInterval</c>
/// (an hour by default), on the one instance that leads the job. Every registry change already syncs as it is saved;
/// this round catches what changed outside the app. It ran inside start-up before, where it held up the first request.
/// </summary>
public sealed class RegistrySyncJob(IServiceScopeFactory scopes, BackgroundJobs jobs, IConfiguration configuration) : BackgroundService
{
    public const string Job = "registry-sync";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        jobs.RepeatAsync(Job, configuration.GetValue("Network:RegistrySyncInterval", TimeSpan.FromHours(1)), RunOnceAsync, stoppingToken);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var actor = Audit.AuditActors.Use("system:registry-sync");
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrySync>().RefreshAsync(ct);
    }
}
