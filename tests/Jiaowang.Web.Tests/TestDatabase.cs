using Jiaowang.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiaowang.Web.Tests;

/// <summary>
/// A real, empty database for one test class: a SQLite file in the temp folder, or a fresh database on the
/// PostgreSQL server that ./test.sh starts (its admin connection string is in JIAOWANG_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "JIAOWANG_TEST_POSTGRES";

    TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        // Each database has its own audit key and anchor, as each deployment does: tests never see another's chain head.
        var folder = Path.Combine(Path.GetTempPath(), "jiaowang-tests", $"audit-{Guid.NewGuid():N}");
        AuditKeyFile = Path.Combine(folder, "audit.key");
        AuditAnchorFile = Path.Combine(folder, "audit.anchor");
        this.drop = async () =>
        {
            await drop();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        };
    }

    readonly Func<Task> drop;
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string AuditKeyFile { get; }
    public string AuditAnchorFile { get; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Jiaowang"] = ConnectionString,
        ["Audit:KeyFile"] = AuditKeyFile,
        ["Audit:AnchorFile"] = AuditAnchorFile,
    };

    /// <summary>The same settings as environment variables, for the CLI run as a process.</summary>
    public Dictionary<string, string> Environment => Settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);

    /// <summary>A context on this database registered as the app registers it (provider, interceptors), without the app.</summary>
    public JiaowangDb Open()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings!).Build();
        var services = new ServiceCollection().AddLogging().AddJiaowangDatabase(configuration).BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<JiaowangDb>();
    }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresAsync() : Task.FromResult(Sqlite());

    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jiaowang-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                if (File.Exists(path)) File.Delete(path);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>The admin connection string of the test PostgreSQL server.</summary>
    public static string PostgresAdmin => System.Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts a throw-away PostgreSQL server, " +
            $"or set it to an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres.");

    /// <param name="create">False leaves the database to be made by the app (its first start creates a missing one).</param>
    public static async Task<TestDatabase> PostgresAsync(bool create = true)
    {
        var admin = PostgresAdmin;
        var name = $"jiaowang_test_{Guid.NewGuid():N}";
        if (create)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var dropCommand = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await dropCommand.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync() => await drop();
}
