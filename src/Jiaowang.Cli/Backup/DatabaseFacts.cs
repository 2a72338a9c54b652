using System.Data.Common;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jiaowang.Cli.Backup;

/// <summary>What a backup promises about a database: its schema migration, rows per table and audit chain head.</summary>
public sealed record DatabaseFacts(string? Migration, IReadOnlyList<TableCount> Tables, ChainHead? AuditHead)
{
    public long Rows => Tables.Sum(t => t.Rows);

    /// <summary>
    /// The database's own tables (not the model's: a table the model no longer names is still data), without EF's
    /// migration bookkeeping (<c>__EFMigrationsHistory</c>, <c>__EFMigrationsLock</c>), in ordinal order.
    /// </summary>
    public static async Task<List<string>> TablesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var sql = connection is SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' AND substr(name, 1, 4) <> '__EF'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND left(table_name, 4) <> '__EF'";
        var tables = new List<string>();
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        tables.Sort(StringComparer.Ordinal);
        return tables;
    }

    public static async Task<DatabaseFacts> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? columns = null)
    {
        var tables = await TablesAsync(connection, transaction, ct);
        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            var rows = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {Quote(table)}", ct));
            counts.Add(new TableCount(table, rows, columns?.GetValueOrDefault(table)));
        }
        string? migration = null;
        if (await ExistsAsync(connection, transaction, "__EFMigrationsHistory", ct))
        {
            migration = await ScalarAsync(connection, transaction, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", ct) as string;
        }
        ChainHead? head = null;
        if (tables.Contains("AuditLog"))
        {
            await using var command = Command(connection, transaction, "SELECT \"Id\", \"Hash\" FROM \"AuditLog\" ORDER BY \"Id\" DESC LIMIT 1");
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) head = new ChainHead(reader.GetInt64(0), reader.GetString(1));
        }
        return new DatabaseFacts(migration, counts, head);
    }

    /// <summary>The audit chain of this connection's database, checked with the key and anchor given.</summary>
    public static async Task<ChainCheck> VerifyChainAsync(DbConnection connection, DbTransaction? transaction, byte[] key, AuditAnchor? anchor, CancellationToken ct)
    {
        await using JiaowangDb db = connection switch
        {
            SqliteConnection sqlite => new SqliteJiaowangDb(new DbContextOptionsBuilder<SqliteJiaowangDb>().UseSqlite(sqlite).Options),
            NpgsqlConnection npgsql => new PostgresJiaowangDb(new DbContextOptionsBuilder<PostgresJiaowangDb>().UseNpgsql(npgsql).Options),
            _ => throw new InvalidOperationException("Unknown connection type."),
        };
        if (transaction is not null) await db.Database.UseTransactionAsync(transaction, ct);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return AuditChain.Verify(entries, key, anchor);
    }

    /// <summary>Each difference from the manifest in words, for the error message; empty when everything matches.</summary>
    public List<string> DifferencesFrom(BackupManifest manifest)
    {
        var differences = new List<string>();
        var expected = manifest.Tables.ToDictionary(t => t.Name, t => t.Rows);
        var actual = Tables.ToDictionary(t => t.Name, t => t.Rows);
        var missing = expected.Keys.Except(actual.Keys).Concat(actual.Keys.Except(expected.Keys)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0) differences.Add(Messages.Get("Restore.Detail.Tables", string.Join(", ", missing)));
        foreach (var (table, rows) in expected)
        {
            if (actual.TryGetValue(table, out var found) && found != rows) differences.Add(Messages.Get("Restore.Detail.Rows", table, rows, found));
        }
        if (manifest.AuditHead != AuditHead)
        {
            differences.Add(Messages.Get("Restore.Detail.Head", manifest.AuditHead?.Id.ToString() ?? "—", AuditHead?.Id.ToString() ?? "—"));
        }
        return differences;
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        var sql = connection is SqliteConnection
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '" + table + "'";
        return Convert.ToInt64(await ScalarAsync(connection, transaction, sql, ct)) > 0;
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
