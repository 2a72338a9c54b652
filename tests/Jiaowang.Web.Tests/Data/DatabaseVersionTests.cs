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

    static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
