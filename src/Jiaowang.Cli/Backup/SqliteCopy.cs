using Jiaowang.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Jiaowang.Cli.Backup;

/// <summary>
/// SQLite backups through SQLite's online backup API: a consistent copy of the whole file (attachments included, they
/// are rows) taken while the app keeps running, since in WAL mode the copy only reads.
/// </summary>
static class SqliteCopy
{
    /// <summary>Copies the live database to <paramref name="destinationFile"/> and returns the facts of the copy.</summary>
    public static async Task<DatabaseFacts> BackupAsync(string connectionString, string destinationFile, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(connectionString))
        await using (var destination = new SqliteConnection(FileConnection(destinationFile)))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
        }
        return await FactsAsync(destinationFile, ct);
    }

    public static async Task<DatabaseFacts> FactsAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(file));
        await connection.OpenAsync(ct);
        return await DatabaseFacts.ReadAsync(connection, null, ct);
    }

    public static async Task<ChainCheck> VerifyChainAsync(string file, byte[] key, AuditAnchor? anchor, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(file));
        await connection.OpenAsync(ct);
        return await DatabaseFacts.VerifyChainAsync(connection, null, key, anchor, ct);
    }

    /// <summary>
    /// Replaces the target's content with the checked copy. The backup API writes the target in one transaction: if it
    /// fails (the app still running and holding a lock, a full disk), the target stays as it was.
    /// </summary>
    public static async Task RestoreAsync(string checkedCopy, string targetConnectionString, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(FileConnection(checkedCopy)))
        await using (var target = new SqliteConnection(targetConnectionString))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        SqliteConnection.ClearAllPools();
    }

    static string FileConnection(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
}
