using Microsoft.Data.Sqlite;

namespace Jiaowang.Web.Data;

/// <summary>
/// A number that moves whenever any connection, in this process or another (the CLI, a second app), commits to the
/// database, cheap enough to read on every request where the database offers one: SQLite's <c>PRAGMA data_version</c>
/// on one connection kept for it (a look at the WAL index in shared memory, no table read). With it, what the caches
/// keep until a write is exact across processes (<see cref="Exact"/>). PostgreSQL has nothing as cheap: there, other
/// processes' writes arrive as notifications (Features/Operations/ChangeListener), a moment after they commit, and
/// <see cref="Read"/> is always 0.
/// </summary>
public sealed class DatabaseVersion(DatabaseInfo database) : IDisposable
{
    readonly Lock gate = new();
    SqliteConnection? connection;
    SqliteCommand? command;

    /// <summary>True when <see cref="Read"/> sees every commit of every process at once.</summary>
    public bool Exact => database.Provider == DatabaseProvider.Sqlite;

    public long Read()
    {
        if (!Exact) return 0;
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
