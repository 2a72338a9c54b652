using System.Data;
using Jiaowang.Core.Audit;
using Npgsql;

namespace Jiaowang.Cli.Backup;

/// <summary>
/// PostgreSQL backups written by the app: each table as PostgreSQL's binary COPY stream, all read in one
/// repeatable-read snapshot (consistent while the app runs), and restored in one transaction that is checked against
/// the manifest before it commits. Not <c>pg_dump</c>: that needs a client at least as new as the server on the app's
/// machine, and its restore cannot be checked before it commits (docs/DATA.md).
/// </summary>
static class PostgresCopy
{
    /// <summary>Writes one file per table into <paramref name="folder"/> (as named by <see cref="BackupManifest.TableFile"/>).</summary>
    public static async Task<DatabaseFacts> BackupAsync(string connectionString, string folder, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await DatabaseFacts.ScalarAsync(connection, transaction, "SET TRANSACTION READ ONLY", ct);
        var columns = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in await DatabaseFacts.TablesAsync(connection, transaction, ct))
        {
            var names = await ColumnsAsync(connection, transaction, table, ct);
            columns[table] = names;
            var file = Path.Combine(folder, BackupManifest.TableFile(table));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var output = File.Create(file);
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {DatabaseFacts.Quote(table)} ({ColumnList(names)}) TO STDOUT (FORMAT BINARY)", ct);
            await copy.CopyToAsync(output, ct);
        }
        var facts = await DatabaseFacts.ReadAsync(connection, transaction, ct, columns);
        await transaction.CommitAsync(ct);
        return facts;
    }

    /// <summary>
    /// Empties every table and copies the backup in, then checks rows, chain head and the audit chain inside the same
    /// transaction: on any difference it rolls back and the target is as it was. Returns the differences.
    /// </summary>
    public static async Task<List<string>> RestoreAsync(string connectionString, string folder, BackupManifest manifest, byte[] key, AuditAnchor? anchor,
        CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var tables = await DatabaseFacts.TablesAsync(connection, transaction, ct);
        var missing = manifest.Tables.Select(t => t.Name).Except(tables).ToList();
        if (missing.Count > 0) return [Messages.Get("Restore.Detail.Tables", string.Join(", ", missing))];

        await DatabaseFacts.ScalarAsync(connection, transaction, $"TRUNCATE {string.Join(", ", tables.Select(DatabaseFacts.Quote))} RESTART IDENTITY CASCADE", ct);
        // The backup holds the readings' roll-ups (TargetRollups) as they were: the trigger that keeps them stays idle
        // while the readings are copied in, for this transaction only (Features/Targets/TargetRollupSql.cs).
        await DatabaseFacts.ScalarAsync(connection, transaction, "SET LOCAL jiaowang.rollups = 'off'", ct);
        var byName = manifest.Tables.ToDictionary(t => t.Name);
        foreach (var table in await ParentsFirstAsync(connection, transaction, [.. byName.Keys], ct))
        {
            var columns = byName[table].Columns ?? await ColumnsAsync(connection, transaction, table, ct);
            await using var input = File.OpenRead(Path.Combine(folder, BackupManifest.TableFile(table)));
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {DatabaseFacts.Quote(table)} ({ColumnList(columns)}) FROM STDIN (FORMAT BINARY)", ct);
            await input.CopyToAsync(copy, ct);
        }
        await ResetIdentitiesAsync(connection, transaction, ct);

        var differences = (await DatabaseFacts.ReadAsync(connection, transaction, ct)).DifferencesFrom(manifest);
        var chain = await DatabaseFacts.VerifyChainAsync(connection, transaction, key, anchor, ct);
        if (!chain.Intact) differences.Add(BackupCommands.ChainMessage(chain));
        if (differences.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            return differences;
        }
        await transaction.CommitAsync(ct);
        return [];
    }

    static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(DatabaseFacts.Quote));

    static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position",
            connection, transaction);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns;
    }

    /// <summary>The tables in an order where every table comes after those its foreign keys point at.</summary>
    static async Task<List<string>> ParentsFirstAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> tables, CancellationToken ct)
    {
        var parents = tables.ToDictionary(t => t, _ => new HashSet<string>());
        await using (var command = new NpgsqlCommand("""
            SELECT child.relname, parent.relname FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = child.relnamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (child, parent) = (reader.GetString(0), reader.GetString(1));
                if (child != parent && parents.ContainsKey(child) && parents.ContainsKey(parent)) parents[child].Add(parent);
            }
        }
        var ordered = new List<string>();
        var placed = new HashSet<string>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t) && parents[t].All(placed.Contains)).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The tables' foreign keys form a cycle.");
            ordered.AddRange(ready);
            placed.UnionWith(ready);
        }
        return ordered;
    }

    /// <summary>Identity columns continue after the restored ids, so that the next insert does not collide.</summary>
    static async Task ResetIdentitiesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) identities.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (table, column) in identities)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({DatabaseFacts.Quote(column)}) FROM {DatabaseFacts.Quote(table)}), 0) + 1, false)",
                connection, transaction);
            command.Parameters.AddWithValue("table", DatabaseFacts.Quote(table));
            command.Parameters.AddWithValue("column", column);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
