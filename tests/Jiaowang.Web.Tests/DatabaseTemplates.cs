using Jiaowang.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiaowang.Web.Tests;

/// <summary>
/// Most test classes start the app on a new database, and every such start used to migrate it and import the bundled
/// plan and the partner list again (about a second on SQLite, several on PostgreSQL). The first start in the test
/// process does that once per provider and kind (with or without the bundled plan) into a template; later fresh
/// databases of the same kind become a copy of it — the template's file on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on
/// PostgreSQL — with its audit key and anchor, so the app starts on them exactly as on a database it made itself (same
/// rows, same audit chain, same key ring). Only the default set-up is copied: a test that sets anything about seeding,
/// the audit files or the database (<c>Seed:</c>, <c>Audit:</c>, <c>Database:</c>, <c>ConnectionStrings:</c>) or whose
/// database already holds anything starts as before.
/// </summary>
static class DatabaseTemplates
{
    static readonly string[] OwnPrefixes = ["Seed:", "Audit:", "Database:", "ConnectionStrings:"];
    static readonly Dictionary<(DatabaseProvider, bool), Lazy<Task<TestDatabase>>> Templates = new()
    {
        [(DatabaseProvider.Sqlite, true)] = new(() => Task.Run(() => MakeAsync(DatabaseProvider.Sqlite, true))),
        [(DatabaseProvider.Sqlite, false)] = new(() => Task.Run(() => MakeAsync(DatabaseProvider.Sqlite, false))),
        [(DatabaseProvider.Postgres, true)] = new(() => Task.Run(() => MakeAsync(DatabaseProvider.Postgres, true))),
        [(DatabaseProvider.Postgres, false)] = new(() => Task.Run(() => MakeAsync(DatabaseProvider.Postgres, false))),
    };

    /// <summary>Fills <paramref name="database"/> from the template when it is a fresh database set up by default.</summary>
    public static void FillIfFresh(TestDatabase database, bool seedBundledPlan, IReadOnlyDictionary<string, string>? settings)
    {
        if (settings is not null && settings.Keys.Any(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))) return;
        if (File.Exists(database.AuditKeyFile)) return;
        var fresh = database.Provider == DatabaseProvider.Sqlite
            ? !File.Exists(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
            : Task.Run(() => PostgresIsEmptyAsync(database)).GetAwaiter().GetResult();
        if (!fresh) return;
        var template = Task.Run(() => Templates[(database.Provider, seedBundledPlan)].Value).GetAwaiter().GetResult();
        if (database.Provider == DatabaseProvider.Sqlite)
            File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        else
            Task.Run(() => CopyPostgresAsync(template, database)).GetAwaiter().GetResult();
        Directory.CreateDirectory(Path.GetDirectoryName(database.AuditKeyFile)!);
        File.Copy(template.AuditKeyFile, database.AuditKeyFile);
        if (File.Exists(template.AuditAnchorFile)) File.Copy(template.AuditAnchorFile, database.AuditAnchorFile);
    }

    static async Task<TestDatabase> MakeAsync(DatabaseProvider provider, bool seedBundledPlan)
    {
        var template = await TestDatabase.CreateAsync(provider);
        await using (var factory = JiaowangFactory.ForTemplate(template, seedBundledPlan))
        {
            using var client = factory.CreateClient();
            (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            // Everything in the main file: a copy must not need the -wal beside it.
            await using (var connection = new SqliteConnection(template.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
        }
        else
        {
            // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to: close the app's pooled connections
            // (the app's pool is keyed by the connection string it adds its pool settings to).
            await using var connection = new NpgsqlConnection(DatabaseSetup.PooledWithoutReset(template.ConnectionString));
            NpgsqlConnection.ClearPool(connection);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    static async Task<bool> PostgresIsEmptyAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;  // left for the app to create (TestDatabase.PostgresAsync(create: false))
        }
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var empty = (long)(await command.ExecuteScalarAsync())! == 0;
        await connection.CloseAsync();
        NpgsqlConnection.ClearPool(connection);
        return empty;
    }

    static readonly SemaphoreSlim PostgresCopies = new(1, 1);

    static async Task CopyPostgresAsync(TestDatabase template, TestDatabase database)
    {
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var from = new NpgsqlConnectionStringBuilder(template.ConnectionString).Database!;
        // One copy at a time: two copies of one template at once can each see the other as "accessing" it.
        await PostgresCopies.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(TestDatabase.PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            // FILE_COPY (PostgreSQL 15+) copies the template's files instead of writing every page through the WAL
            // (15's default): 0.2 s instead of 0.5–0.7 s for a seeded template here, and the suite makes hundreds.
            var strategy = admin.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{from}\"{strategy}", admin);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            PostgresCopies.Release();
        }
    }
}
