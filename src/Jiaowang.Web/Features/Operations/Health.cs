using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// <c>/healthz</c>: the process answers (for a restart decision; touches nothing). <c>/readyz</c>: it can serve —
/// the database answers and has every migration this build expects (for a load balancer's rotation).
/// </summary>
public static class Health
{
    public static string Alive() => "ok";

    public static async Task<Results<Ok<string>, ProblemHttpResult>> ReadyAsync(JiaowangDb db, CancellationToken ct)
    {
        try
        {
            var pending = (await DatabaseStartup.PendingAsync(db, ct)).Count;
            if (pending > 0) return NotReady($"{pending} migration(s) pending: run jiaowang db migrate");
            return TypedResults.Ok("ready");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return NotReady("database unreachable");
        }
    }

    static ProblemHttpResult NotReady(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "not ready");
}
