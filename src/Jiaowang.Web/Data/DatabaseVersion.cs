using Microsoft.Data.Sqlite;

namespace Jiaowang.Web.Data;

/// <summary>
/// A number that moves whenever any connection, in this process or another (the CLI, a second app), commits to the
/// database, cheap enough to read on every request where the database offers one: SQLite's <c>PRAGMA data_version</c>
/// on one connection kept for it (a look at the WAL index in shared memory, no table read). With it, what the caches
/// keep until a write is exact across processes (<see cref="Exact"/>). PostgreSQL has nothing as cheap: there, other
/// processes' writes arrive as notifications (Features/Operations/ChangeListener), a moment after they commit, and
/// <see cref="Read"/> is always 0. Within a request the count is read once, at the request's first read
/// (<see cref="UsePerRequest"/>): a page asks its kept values several times, and each pragma under the lock was 6 % of a
/// signed-in page (docs/PERFORMANCE.md, "Signed-in pages"). A commit of another process during a request is then seen by
/// the next request; this process's own writes move the caches' generation at once (<c>WriteGeneration</c>).
/// </summary>
public sealed class DatabaseVersion(DatabaseInfo database) : IDisposable
{
    sealed class RequestRead(DatabaseVersion owner)
    {
        public readonly DatabaseVersion Owner = owner;
        public long? Value;
    }

    static readonly AsyncLocal<RequestRead?> Request = new();

    readonly Lock gate = new();
    SqliteConnection? connection;
    SqliteCommand? command;

    /// <summary>True when <see cref="Read"/> sees every commit of every process at once (at the next request, within one).</summary>
    public bool Exact => database.Provider == DatabaseProvider.Sqlite;

    public long Read()
    {
        if (!Exact) return 0;
        if (Request.Value is { } request && request.Owner == this) return request.Value ??= ReadNow();
        return ReadNow();
    }

    /// <summary>From here on in this call's flow (a request), <see cref="Read"/> answers what its first call read.</summary>
    public void ReadOncePerFlow() => Request.Value = new RequestRead(this);

    /// <summary>Each request reads the count once (see the class summary); put it before anything that reads a kept value.</summary>
    public static IApplicationBuilder UsePerRequest(IApplicationBuilder app)
    {
        var version = app.ApplicationServices.GetRequiredService<DatabaseVersion>();
        if (!version.Exact) return app;
        // An async delegate: the flow's value is undone when the request's pipeline returns.
        return app.Use(async (context, next) =>
        {
            version.ReadOncePerFlow();
            await next(context);
        });
    }

    long ReadNow()
    {
        lock (gate)
        {
            // Opened on first use, after start-up has created and migrated the file.
            if (command is null)
            {
                connection = new SqliteConnection(database.ConnectionString);
                connection.Open();
                command = connection.CreateCommand();
                command.CommandText = "PRAGMA data_version";
                command.Prepare();
            }
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            command?.Dispose();
            connection?.Dispose();
            command = null;
            connection = null;
        }
    }
}
