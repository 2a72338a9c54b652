using Jiaowang.Web.Features.Operations;
using Jiaowang.Web.Shared;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Reminders;

/// <summary>
/// Sends the automatic reminders before deadlines. Runs at start and then every <see cref="ReminderOptions.Interval"/>;
/// the day comes from <see cref="TimeProvider"/>, so tests choose it, and each reminder's unique key makes reruns harmless.
/// </summary>
public sealed class AutomaticReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, BackgroundJobs jobs,
    ILogger<AutomaticReminders> logger)
    : BackgroundService
{
    public const string Job = "reminders";

    // With several instances on one database, the one that leads the job sends (Features/Operations/BackgroundJobs).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Automatic
        ? jobs.RepeatAsync(Job, options.Value.Interval, RunOnceAsync, stoppingToken)
        : Task.CompletedTask;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        // No request, no reader: automatic reminders are written in the platform's first language.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = TextSetup.Chinese;
        // Rows this job writes are audited under its name; the reminders' own records name their sender as before.
        using var actor = Audit.AuditActors.Use("system:automatic-reminders");
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<ReminderService>().SendAutomaticAsync(clock.Today(), ct);
        if (sent > 0) logger.LogInformation("Sent {Count} automatic reminders", sent);
        return sent;
    }
}
