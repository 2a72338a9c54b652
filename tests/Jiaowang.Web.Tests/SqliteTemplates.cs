using Microsoft.Data.Sqlite;

namespace Jiaowang.Web.Tests;

/// <summary>
/// Most test classes start the app on a new SQLite file, and every such start used to migrate it and import the
/// bundled plan and the partner list again (about a second each). The first start in the test process does that once
/// per kind (with or without the bundled plan) into a template; later fresh databases of the same kind get a copy of
/// the template's file and of its audit key and anchor, so the app starts on them exactly as on a database it made
/// itself (same rows, same audit chain, same key ring). Only the default set-up is copied: a test that sets anything
/// about seeding, the audit files or the database (<c>Seed:</c>, <c>Audit:</c>, <c>Database:</c>, <c>ConnectionStrings:</c>)
/// or whose file already exists starts as before.
/// </summary>
static class SqliteTemplates
{
    static readonly string[] OwnPrefixes = ["Seed:", "Audit:", "Database:", "ConnectionStrings:"];
    static readonly Dictionary<bool, Lazy<Task<TestDatabase>>> Templates = new()
    {
        [true] = new(() => Task.Run(() => MakeAsync(true))),
        [false] = new(() => Task.Run(() => MakeAsync(false))),
    };

    /// <summary>Fills <paramref name="database"/> from the template when it is a fresh SQLite file set up by default.</summary>
    public static void FillIfFresh(TestDatabase database, bool seedBundledPlan, IReadOnlyDictionary<string, string>? settings)
    {
        if (database.Provider != Web.Data.DatabaseProvider.Sqlite) return;
        if (settings is not null && settings.Keys.Any(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))) return;
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (File.Exists(file) || File.Exists(database.AuditKeyFile)) return;
        var template = Templates[seedBundledPlan].Value.GetAwaiter().GetResult();
        Directory.CreateDirectory(Path.GetDirectoryName(database.AuditKeyFile)!);
        File.Copy(template.AuditKeyFile, database.AuditKeyFile);
        if (File.Exists(template.AuditAnchorFile)) File.Copy(template.AuditAnchorFile, database.AuditAnchorFile);
        File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, file);
    }

    static async Task<TestDatabase> MakeAsync(bool seedBundledPlan)
    {
        var template = TestDatabase.Sqlite();
        await using (var factory = JiaowangFactory.ForTemplate(template, seedBundledPlan))
        {
            using var client = factory.CreateClient();
            (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        }
        // Everything in the main file: a copy must not need the -wal beside it.
        await using (var connection = new SqliteConnection(template.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }
}
