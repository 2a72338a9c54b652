using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// On PostgreSQL, listens on <see cref="ChangeNotifications.Channel"/> and drops this instance's caches when another
/// process (another instance, the CLI) commits a write: the public pages when plan data changed, the dashboards and the
/// supervision state always.
/// The listening connection is opened before the host serves its first request. While it is down (database restart),
/// nothing can be heard: everything is dropped when it comes back, and the caches' own expiry (30 s) bounds the rest.
/// </summary>
public sealed class ChangeListener(DatabaseInfo database, IOutputCacheStore outputCache, DashboardCache dashboards, SupervisionCache supervision, ILogger<ChangeListener> logger)
    : IHostedService, IAsyncDisposable
{
    static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    readonly CancellationTokenSource stopping = new();
    NpgsqlConnection? connection;
    Task? loop;

    public async Task StartAsync(CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        try
        {
            connection = await ListenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for other instances' writes; retrying in the background");
        }
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
    }

    async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, ApplicationName = "jiaowang-listen" };
        var listening = new NpgsqlConnection(builder.ConnectionString);
        await listening.OpenAsync(ct);
        listening.Notification += (_, e) => Heard(e.Payload);
        await using var listen = new NpgsqlCommand($"LISTEN {ChangeNotifications.Channel}", listening);
        await listen.ExecuteNonQueryAsync(ct);
        return listening;
    }

    async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = await ListenAsync(ct);
                    // What was written while nobody listened is unknown: start afresh.
                    await DropAsync(plans: true);
                }
                await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                logger.LogWarning(e, "Listening for other instances' writes stopped; reconnecting");
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
                try
                {
                    await Task.Delay(Retry, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    void Heard(string payload)
    {
        var parts = payload.Split('|');
        if (parts[0] == ChangeNotifications.Origin) return;
        _ = DropAsync(plans: parts.ElementAtOrDefault(1) != "data");
    }

    async Task DropAsync(bool plans)
    {
        dashboards.Invalidate();
        supervision.Invalidate();
        if (plans) await outputCache.EvictByTagAsync(PublicCache.Tag, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        // Nothing was started on SQLite; the host may also stop after the services were disposed (test hosts do).
        if (loop is null) return;
        try
        {
            await stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        await loop.WaitAsync(ct).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested) await stopping.CancelAsync();
        if (loop is not null) await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stopping.Dispose();
        if (connection is not null) await connection.DisposeAsync();
    }
}
