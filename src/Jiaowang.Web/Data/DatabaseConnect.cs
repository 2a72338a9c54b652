using Npgsql;

namespace Jiaowang.Web.Data;

/// <summary>
/// The first connection a process makes to PostgreSQL (the start-up lock, <c>jiaowang db migrate</c>). A database that
/// does not exist yet is created through the server's maintenance database (<c>postgres</c>), as EF's migrations would
/// have done, so a first start on an empty server works; any other failure to connect (wrong password, server down,
/// no right to create the database) becomes one plain sentence, <see cref="DatabaseUnreachableException"/>, which the
/// host prints instead of a stack trace.
/// </summary>
public static class DatabaseConnect
{
    /// <summary>Opens <paramref name="connectionString"/>, creating its database first when it does not exist.</summary>
    public static async Task<NpgsqlConnection> OpenPostgresAsync(string connectionString, CancellationToken ct = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        for (var attempt = 0; ; attempt++)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && attempt == 0)
            {
                await connection.DisposeAsync();
                await CreateAsync(target, ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                await connection.DisposeAsync();
                throw Unreachable(target, e);
            }
        }
    }

    /// <summary>
    /// CREATE DATABASE on the maintenance database. Two instances starting together may both try: the loser's
    /// "already exists" (or the catalogue's unique index, when both passed the check at the same moment) is success.
    /// </summary>
    static async Task CreateAsync(NpgsqlConnectionStringBuilder target, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(ct);
            var name = target.Database!.Replace("\"", "\"\"");
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseUnreachableException(
                $"The PostgreSQL database \"{target.Database}\" on {target.Host}:{target.Port} does not exist and user \"{target.Username}\" may not create it: " +
                $"create it first (sudo -u postgres createdb --owner {target.Username} --encoding UTF8 --template template0 {target.Database}), see docs/DEPLOY.md.", e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw Unreachable(target, e);
        }
    }

    static DatabaseUnreachableException Unreachable(NpgsqlConnectionStringBuilder target, Exception e)
    {
        var why = e is PostgresException p ? $"{p.SqlState}: {p.MessageText}" : (e.InnerException ?? e).Message;
        var hint = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                "check the user name and password in ConnectionStrings__Jiaowang",
            PostgresException => "check ConnectionStrings__Jiaowang and the server's log",
            _ => "is the server running and reachable from here?",
        };
        return new DatabaseUnreachableException(
            $"Cannot connect to PostgreSQL database \"{target.Database}\" on {target.Host}:{target.Port} as \"{target.Username}\" ({why}): {hint}.", e);
    }
}

/// <summary>The database cannot be reached; the message says why and what to check, in one line.</summary>
public sealed class DatabaseUnreachableException(string message, Exception inner) : Exception(message, inner);
