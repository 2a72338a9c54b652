using Jiaowang.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses and configures the database from configuration, the same way for the web host and the CLI:
/// <c>Database:Provider</c> (Sqlite, the default, or Postgres) and <c>ConnectionStrings:Jiaowang</c>.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteFile = "data/jiaowang.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{name}' is not known; use Sqlite or Postgres.");
    }

    /// <summary>
    /// The connection string to use. A relative SQLite file is taken from <see cref="DataRoot"/>; its folder is
    /// created when missing.
    /// </summary>
    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Jiaowang");
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Jiaowang is not set.")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var full = Path.GetFullPath(file, DataRoot());
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder.DataSource = full;
        }
        // Foreign keys are what keeps a half-deleted plan from existing.
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    /// <summary>
    /// Where relative database paths start. <c>dotnet run</c> starts the web host in its project folder but the CLI
    /// in the caller's folder; in a source checkout both therefore look for the folder that holds Jiaowang.sln, so that
    /// <c>jiaowang</c> commands act on the database the running app uses. Installed elsewhere, it is the current folder.
    /// </summary>
    public static string DataRoot()
    {
        var current = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(current); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jiaowang.sln"))) return dir.FullName;
        }
        return current;
    }

    public static IServiceCollection AddJiaowangDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, provider);
        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        services.AddSingleton<DatabaseVersion>();
        // Every write through this database is chained into the audit log at SaveChanges (Features/Audit).
        services.AddAuditChain(configuration);
        // On PostgreSQL, every committed write tells the other instances to drop their caches (ChangeNotifications).
        if (provider == DatabaseProvider.Postgres) services.AddSingleton<IInterceptor, ChangeNotifications>();
        var refuseCartesian = configuration.GetValue<bool>("Database:RefuseCartesianQueries");

        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            // A failed statement or save is reported by whoever handles it. A lost race (two saves of one thing at one
            // moment) becomes a 409, or is passed over where the first save stands (ConflictExceptionHandler.IsLostRace);
            // anything else reaches the request's error handler or the job's log with its exception. EF's own entries
            // for the same failure made each lost race two errors in an operator's log (docs/OPERATIONS.md, "Logs").
            // EF warns, once per model, that a row whose required parent is hidden by a query filter is hidden with it
            // (an archived task's assignments and measures, an archived target's readings). That is the rule
            // ArchivedRows states for what a plan revision removed: history reads through IgnoreQueryFilters.
            // The tests refuse a query that loads two collections in one statement (each row of one comes back once per
            // row of the other), so that the next one fails a test instead of warning in an operator's log (docs/DATA.md).
            options.ConfigureWarnings(w =>
            {
                w.Log((RelationalEventId.CommandError, LogLevel.Information), (CoreEventId.SaveChangesFailed, LogLevel.Information))
                    .Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);
                if (refuseCartesian) w.Throw(RelationalEventId.MultipleCollectionIncludeWarning);
            });
        }

        // Contexts are pooled: the options are built once (every interceptor is a singleton), and a request leases a
        // context made before. Building the options per scope (EF's default) cost 12 % of a cached dashboard JSON
        // request's busy time; with them kept, making a context still cost 13 % of the kept dashboard's (the options
        // cloned and compared in EF's service provider cache, the DbSets set up, the garbage of both): docs/PERFORMANCE.md,
        // "Signed-in pages", fourth and twelfth rounds. What an interceptor remembers about a context is per lease
        // (LeaseState), and EF resets the rest when a context goes back.
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var pooled = PooledWithoutReset(connectionString);
                services.AddDbContextPool<JiaowangDb, PostgresJiaowangDb>((sp, options) =>
                {
                    options.UseNpgsql(pooled);
                    Configure(sp, options);
                });
                break;
            default:
                services.AddDbContextPool<JiaowangDb, SqliteJiaowangDb>((sp, options) =>
                {
                    options.UseSqlite(connectionString).AddInterceptors(SqliteDurability.Instance);
                    Configure(sp, options);
                });
                break;
        }
        return services;
    }

    /// <summary>
    /// The app's pooled connections skip the <c>DISCARD ALL</c> Npgsql sends when a connection goes back to the pool:
    /// nothing the app runs on them outlives its transaction (<c>SET LOCAL</c>, transaction advisory locks), and the
    /// session locks and the LISTEN connection are unpooled. A profile of the ladder on PostgreSQL counted one DISCARD ALL
    /// for every four statements. An administrator's explicit <c>No Reset On Close</c> setting is kept.
    /// </summary>
    internal static string PooledWithoutReset(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}

/// <summary>Which database this process uses, for logs and the about line.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string without its password, safe to print.</summary>
    public string Display => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
