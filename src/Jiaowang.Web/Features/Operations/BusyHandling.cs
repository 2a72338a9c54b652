using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// A write that could not take its turn in time (today: the audit chain's append lock on PostgreSQL, held by other
/// processes' writes for longer than <c>Audit:AppendLockWait</c>) was rolled back whole. That is the server being
/// busy, not a fault: 503 with Retry-After, so a program retries and a person saves again, never 500.
/// </summary>
public sealed class BusyExceptionHandler(IProblemDetailsService problems, IStringLocalizer<OperationsText> text) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsBusy(exception) || context.Response.HasStarted) return false;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // A page's form: a plain sentence in the page's language (the error pages are for faults).
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{text["Busy.Title"]}: {text["Busy.Detail"]}", ct);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = text["Busy.Title"], Detail = text["Busy.Detail"] },
        });
    }

    static bool IsBusy(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is ServerBusyException) return true;
        }
        return false;
    }
}

/// <summary>A write gave up waiting for its turn; nothing of it was stored.</summary>
public sealed class ServerBusyException(string message, Exception? inner = null) : Exception(message, inner);
