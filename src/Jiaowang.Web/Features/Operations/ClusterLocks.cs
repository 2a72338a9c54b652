using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Jiaowang.Web.Data;
using Npgsql;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// Who does what once when several instances share one PostgreSQL database, with PostgreSQL's session advisory locks
/// held on a dedicated connection (no pooling, so that the lock lives exactly as long as the connection). A lock is
/// released by the server when its holder's connection ends, including when the process is killed, so a crashed leader
/// is replaced at the next tick of another instance. On SQLite there is one process: it is always the one.
/// </summary>
public sealed class ClusterLocks(DatabaseInfo database, ILogger<ClusterLocks> logger) : IAsyncDisposable
{
    readonly ConcurrentDictionary<string, NpgsqlConnection> held = new();
    readonly SemaphoreSlim gate = new(1, 1);

    public bool Shared => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Waits for the lock called <paramref name="name"/> and holds it until the result is disposed: start-up (migrations,
    /// first-start imports) runs under it, so that two instances starting together do it once.
    /// </summary>
    public Task<IAsyncDisposable> WaitAsync(string name, CancellationToken ct = default) => WaitAsync(database, name, ct);

    /// <inheritdoc cref="WaitAsync(string, CancellationToken)"/>
    public static async Task<IAsyncDisposable> WaitAsync(DatabaseInfo database, string name, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Postgres) return NoLock.Instance;
        var connection = await OpenAsync(database, ct);
        // Waits as long as the holder works (a first start imports the bundled plan): the lock frees when it finishes or dies.
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        take.Parameters.AddWithValue("key", Key(name));
        await take.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>
    /// True when this instance leads <paramref name="job"/>: it took the job's lock now or holds it from before (and its
    /// connection still answers). A follower asks again at its next tick and takes over once the leader is gone.
    /// </summary>
    public async Task<bool> LeadsAsync(string job, CancellationToken ct = default)
    {
        if (!Shared) return true;
        await gate.WaitAsync(ct);
        try
        {
            if (held.TryGetValue(job, out var connection))
            {
                try
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(ct);
                    return true;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The connection is gone, and with it the lock: another instance may lead now.
                    logger.LogWarning(e, "Lost the lead of job {Job}", job);
                    held.TryRemove(job, out _);
                    await connection.DisposeAsync();
                }
            }
            var fresh = await OpenAsync(database, ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", fresh);
            take.Parameters.AddWithValue("key", Key(job));
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                held[job] = fresh;
                logger.LogInformation("This instance leads job {Job}", job);
                return true;
            }
            await fresh.DisposeAsync();
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    static async Task<NpgsqlConnection> OpenAsync(DatabaseInfo database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = "jiaowang-lock" };
        // The start-up lock is the first connection of a process: on a first start the database may not exist yet.
        return await DatabaseConnect.OpenPostgresAsync(builder.ConnectionString, ct);
    }

    /// <summary>A stable 64-bit key per name, in a space of its own ("jiaowang:" prefix) so other applications on the server do not collide.</summary>
    public static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("jiaowang:" + name)), 0);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in held.Values) await connection.DisposeAsync();
        held.Clear();
    }

    sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
