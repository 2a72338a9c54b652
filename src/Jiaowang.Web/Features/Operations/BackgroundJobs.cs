using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// Runs one round of a background job (reminders, vote sealing, registry sync) on the instance that leads it, and
/// counts it: <c>jiaowang_job_runs_total{job,outcome}</c> (outcome ok, failed, or follower when another instance
/// leads) and <c>jiaowang_job_duration_seconds{job,outcome}</c> on <c>/metrics</c>.
/// </summary>
public sealed class BackgroundJobs(ClusterLocks locks, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<BackgroundJobs> logger)
{
    public const string MeterName = "Jiaowang.Jobs";
    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Runs = Meter.CreateCounter<long>("jiaowang.job.runs", description: "Rounds of each background job, by outcome.");
    static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("jiaowang.job.duration", unit: "s",
        description: "How long a round of each background job took.");

    /// <returns>What the round returned, or null when another instance leads the job.</returns>
    public async Task<T?> RunAsync<T>(string job, Func<CancellationToken, Task<T>> round, CancellationToken ct) where T : struct
    {
        if (!await locks.LeadsAsync(job, ct))
        {
            Runs.Add(1, new("job", job), new("outcome", "follower"));
            return null;
        }
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await round(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = "failed";
            // A failed round (database briefly away) is retried at the next tick rather than stopping the job.
            logger.LogError(e, "Background job {Job} failed", job);
            return null;
        }
        finally
        {
            Runs.Add(1, new("job", job), new("outcome", outcome));
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("job", job), new("outcome", outcome));
        }
    }

    /// <summary>Runs <paramref name="round"/> now and then at every tick of <paramref name="interval"/> until the host stops.</summary>
    public async Task RepeatAsync<T>(string job, TimeSpan interval, Func<CancellationToken, Task<T>> round, CancellationToken stoppingToken) where T : struct
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            // The first round waits until the host has started: on SQLite, EF's "async" calls complete synchronously,
            // and a round run inside StartAsync would hold up start-up. It then leaves the first requests a few seconds
            // (Jobs:FirstRoundDelay, 5 s): its queries would otherwise compete with them for the CPU (docs/PERFORMANCE.md).
            await WhenStartedAsync(stoppingToken);
            var delay = configuration.GetValue("Jobs:FirstRoundDelay", TimeSpan.FromSeconds(5));
            if (delay > TimeSpan.Zero) await Task.Delay(delay, stoppingToken);
            do
            {
                try
                {
                    await RunAsync(job, round, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Asking for the lead failed (database away): ask again at the next tick.
                    logger.LogError(e, "Background job {Job} could not start", job);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task WhenStartedAsync(CancellationToken ct)
    {
        await Task.Yield();
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = ct.Register(() => started.TrySetCanceled(ct));
        await started.Task;
    }
}
