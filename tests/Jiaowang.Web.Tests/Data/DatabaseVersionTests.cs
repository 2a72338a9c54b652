using Jiaowang.Web.Data;
using Microsoft.Data.Sqlite;

namespace Jiaowang.Web.Tests.Data;

/// <summary>
/// SQLite's commit count is what tells the caches that the CLI or another app wrote. A request reads it once and keeps
/// it, so a page whose kept values are asked for several times pays one pragma; the next request must see a commit
/// another connection made meanwhile, and outside a request every read must see it at once (background jobs).
/// </summary>
public sealed class DatabaseVersionTests
{
    [Fact]
    public async Task A_request_reads_the_commit_count_once_and_the_next_request_sees_another_process_commit()
    {
        await using var database = TestDatabase.Sqlite();
        using var version = new DatabaseVersion(new DatabaseInfo(DatabaseProvider.Sqlite, database.ConnectionString));
        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync();
        await Execute(other, "CREATE TABLE t (x INTEGER)");

        var before = version.Read();
        var (first, second) = await Task.Run(async () =>
        {
            version.ReadOncePerFlow();
            var first = version.Read();
            await Execute(other, "INSERT INTO t VALUES (1)");
            return (first, version.Read());
        });
        Assert.Equal(before, first);
        Assert.Equal(first, second);

        var nextRequest = await Task.Run(() =>
        {
            version.ReadOncePerFlow();
            return version.Read();
        });
        Assert.NotEqual(first, nextRequest);

        await Execute(other, "INSERT INTO t VALUES (2)");
        Assert.NotEqual(nextRequest, version.Read());
    }

    /// <summary>
    /// In WAL mode (the app's) the count is the log's position in the wal-index header, read from shared memory: every
    /// commit moves it, including one after the log was checkpointed and started over, and nothing else does.
    /// </summary>
    [Theory]
    [InlineData("WAL", true)]
    [InlineData("DELETE", false)]
    public async Task Every_commit_of_another_connection_moves_the_count_and_nothing_else_does(string journalMode, bool fromSharedMemory)
    {
        await using var database = TestDatabase.Sqlite();
        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync();
        await Execute(other, $"PRAGMA journal_mode={journalMode}; CREATE TABLE t (x INTEGER)");
        using var version = new DatabaseVersion(new DatabaseInfo(DatabaseProvider.Sqlite, database.ConnectionString));

        var seen = new List<long> { version.Read() };
        Assert.Equal(fromSharedMemory, version.ReadsWalIndex);
        Assert.Equal(seen[^1], version.Read());
        await Execute(other, "SELECT count(*) FROM t");
        Assert.Equal(seen[^1], version.Read());
        for (var i = 0; i < 3; i++)
        {
            await Execute(other, $"INSERT INTO t VALUES ({i})");
            seen.Add(version.Read());
        }
        // The log written back and emptied: the next commit starts it over, at a position it has had before.
        await Execute(other, "PRAGMA wal_checkpoint(TRUNCATE)");
        await Execute(other, "INSERT INTO t VALUES (9)");
        seen.Add(version.Read());
        await using (var transaction = (SqliteTransaction)await other.BeginTransactionAsync())
        {
            await using var command = other.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO t VALUES (10)";
            await command.ExecuteNonQueryAsync();
            // Not committed yet: nobody else can read it, so nothing kept is stale.
            Assert.Equal(seen[^1], version.Read());
            await transaction.CommitAsync();
        }
        seen.Add(version.Read());

        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
