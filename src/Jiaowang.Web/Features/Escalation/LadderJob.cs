using Jiaowang.Web.Features.Operations;
using Jiaowang.Web.Shared;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>Configuration section <c>Ladder</c>.</summary>
public sealed class LadderOptions
{
    /// <summary>How often the job looks; each step is taken once whatever the number of rounds.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    public bool Automatic { get; set; } = true;
}

/// <summary>Runs the escalation ladder at start and every <see cref="LadderOptions.Interval"/>, on the instance that leads the job.</summary>
public sealed class LadderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<LadderOptions> options, BackgroundJobs jobs, ILogger<LadderJob> logger)
    : BackgroundService
{
    public const string Job = "ladder";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Automatic
        ? jobs.RepeatAsync(Job, options.Value.Interval, RunOnceAsync, stoppingToken)
        : Task.CompletedTask;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = TextSetup.Chinese;
        using var actor = Audit.AuditActors.Use(LadderService.Actor);
        await using var scope = scopes.CreateAsyncScope();
        var taken = await scope.ServiceProvider.GetRequiredService<LadderService>().RunAsync(clock.Today(), ct);
        if (taken > 0) logger.LogInformation("Took {Count} ladder steps", taken);
        return taken;
    }
}
