using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jiaowang.Web.Data;

/// <summary>
/// A number that moves whenever any connection, in this process or another (the CLI, a second app), commits to the
/// database, cheap enough to read on every request where the database offers one: on SQLite in WAL mode, the log's
/// position in the wal-index header that every connection shares (<see cref="WalIndexHeader"/>: a memory read), else
/// <c>PRAGMA data_version</c> on one connection kept for it. With it, what the caches
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
    // The prepared pragma, stepped through SQLite's own API: through ADO.NET each read made a reader, its enumerator and
    // a boxed result, the garbage of 5 % of a kept dashboard's allocations (docs/PERFORMANCE.md, twelfth round).
    sqlite3_stmt? statement;
    // Mapped once the kept connection is open, which keeps the shared memory there for as long as it is mapped.
    volatile WalIndexHeader? walIndex;

    /// <summary>True when commits are read from the wal-index header, without a statement or a lock.</summary>
    internal bool ReadsWalIndex => walIndex is not null;

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
        if (walIndex is { } index && index.TryRead(out var position)) return position;
        lock (gate)
        {
            // Opened on first use, after start-up has created and migrated the file.
            if (statement is null)
            {
                connection = new SqliteConnection(database.ConnectionString);
                connection.Open();
                Check(raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out var prepared));
                statement = prepared;
                if (IsWal(connection)) walIndex = WalIndexHeader.Open(connection.DataSource);
            }
            if (walIndex is { } mapped && mapped.TryRead(out position)) return position;
            try
            {
                // Negative, so that a count read here while the header was being rewritten never equals a header's position.
                if (raw.sqlite3_step(statement) != raw.SQLITE_ROW) Check(raw.sqlite3_errcode(connection!.Handle));
                return -1 - raw.sqlite3_column_int64(statement, 0);
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }
    }

    static bool IsWal(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase);
    }

    void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(result, connection!.Handle);
    }

    public void Dispose()
    {
        lock (gate)
        {
            walIndex?.Dispose();
            walIndex = null;
            statement?.Dispose();
            connection?.Dispose();
            statement = null;
            connection = null;
        }
    }
}
