using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Jiaowang.Web.Shared;

/// <summary>
/// Two people saving the same thing at the same moment is a conflict, not a failure: the loser of the race meets the
/// database's own guard (a concurrency token, or a unique index such as one report version per number) and gets 409
/// with a reason to reload, wherever the race happened, instead of 500. Features that already turn a stale version
/// into 409 keep doing so; this catches what gets past them.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // Pages keep their error page; programs get the problem they can act on.
        if (!context.Request.Path.StartsWithSegments("/api") || !IsLostRace(exception) || context.Response.HasStarted) return false;
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status409Conflict, Title = text["Conflict.Title"], Detail = text["Conflict.Detail"] },
        });
    }

    /// <summary>A concurrency token that moved, or a unique key taken by a save that committed first.</summary>
    public static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        _ => false,
    };
}
