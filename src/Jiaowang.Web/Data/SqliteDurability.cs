using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiaowang.Web.Data;

/// <summary>
/// How SQLite keeps what was committed, set on every connection the web host and the CLI open (docs/DATA.md):
/// write-ahead logging, so that readers never block the writer and a crash at any moment leaves the last committed
/// state, and <c>synchronous=FULL</c>, so that a commit is on disk before the caller is told it succeeded. NORMAL
/// would be faster but can lose the newest commits on a power cut — commits the audit anchor (a file written after
/// each commit) already records, which would then read as deleted entries. A government office's records are few and
/// small; one flush per commit costs less than explaining a lost submission.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    // journal_mode=WAL is stored in the file and returns at once when already set; synchronous is per connection.
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
