using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.Data.Sqlite;

namespace Jiaowang.Cli.Tests;

/// <summary>What the command line writes is audited under the OS account that ran it, and <c>jiaowang audit verify</c> checks the chain.</summary>
public sealed class AuditCommandTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);

    static async Task<List<(long Id, string Actor, string Entity, string Action, string? After)>> EntriesAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT Id, Actor, Entity, Action, After FROM AuditLog ORDER BY Id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(long, string, string, string, string?)>();
        while (await reader.ReadAsync()) entries.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return entries;
    }

    static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    [Fact]
    public async Task Binding_a_target_and_adding_a_user_are_audited_as_the_os_user_and_the_chain_verifies()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        Assert.Equal(0, (await Cli.RunAsync(["plan", "import", Seed], environment: environment)).ExitCode);
        var target = await ScalarAsync(database, "SELECT MIN(Id) FROM Targets");

        var bound = await Cli.RunAsync(["targets", "bind", target.ToString(), "ActivePartners"], environment: environment);
        var added = await Cli.RunAsync(["user", "add", "--role", "office", "--name", "clerk", "--password-stdin"], environment: environment, stdin: "Clerk-Password-2026\n");
        var verified = await Cli.RunAsync(["audit", "verify"], culture: "en_US.UTF-8", environment: environment);

        Assert.Equal(0, bound.ExitCode);
        Assert.Equal(0, added.ExitCode);
        var actor = $"cli:{Environment.UserName}";
        var entries = await EntriesAsync(database);
        Assert.Contains(entries, e => e.Entity == "Target" && e.Action == "update" && e.Actor == actor && e.After!.Contains("ActivePartners"));
        var user = Assert.Single(entries, e => e.Entity == "JiaowangUser" && e.Action == "insert");
        Assert.Equal(actor, user.Actor);
        Assert.Contains("\"PasswordHash\":\"[redacted]\"", user.After);
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains($"The audit log is intact: {entries.Count} entries, anchored at entry {entries[^1].Id}.", verified.Out);
    }

    [Fact]
    public async Task Verify_exits_1_naming_the_missing_entry_when_the_newest_entries_or_all_of_them_were_deleted()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        await Cli.RunAsync(["user", "add", "--role", "office", "--name", "clerk", "--password-stdin"], environment: environment, stdin: "Clerk-Password-2026\n");
        await Cli.RunAsync(["user", "add", "--role", "leader", "--name", "boss", "--password-stdin"], environment: environment, stdin: "Leader-Password-2026\n");
        var entries = await EntriesAsync(database);
        await ScalarAsync(database, $"DELETE FROM AuditLog WHERE Id > {entries[^3].Id}");

        var truncated = await Cli.RunAsync(["audit", "verify"], environment: environment);
        await ScalarAsync(database, "DELETE FROM AuditLog");
        var emptied = await Cli.RunAsync(["audit", "verify"], culture: "en_US.UTF-8", environment: environment);

        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains($"缺少锚点记载的第 {entries[^1].Id} 条记录，数据库现止于第 {entries[^3].Id} 条", truncated.Error);
        Assert.Equal(1, emptied.ExitCode);
        Assert.Contains($"entry {entries[^1].Id}, which the anchor records, is missing", emptied.Error);
    }

    [Fact]
    public async Task Verify_exits_1_naming_an_edited_entry()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        await Cli.RunAsync(["user", "add", "--role", "office", "--name", "clerk", "--password-stdin"], environment: environment, stdin: "Clerk-Password-2026\n");
        var first = (await EntriesAsync(database))[0].Id;
        await ScalarAsync(database, $"UPDATE AuditLog SET Actor = 'someone-else' WHERE Id = {first}");

        var verified = await Cli.RunAsync(["audit", "verify"], culture: "en_US.UTF-8", environment: environment);

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains($"entry {first} was changed", verified.Error);
    }
}
