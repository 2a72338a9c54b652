using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Tests;

/// <summary>The web host and the CLI open SQLite through the same setup: WAL with synchronous=FULL (docs/DATA.md).</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Every_connection_the_app_opens_is_in_wal_mode_with_full_synchronous_commits()
    {
        await using var database = TestDatabase.Sqlite();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        await using var services = new ServiceCollection().AddLogging().AddJiaowangDatabase(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task<string> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(await command.ExecuteScalarAsync())!;
        }

        // A file opened for the first time, not created by EF's migrator (which would choose WAL itself).
        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("2", await PragmaAsync("synchronous")); // 2 = FULL
        await db.Database.CloseConnectionAsync();
    }
}
