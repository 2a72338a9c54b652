using System.Globalization;
using System.Text;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Audit;

public sealed record AuditItem(long Id, DateTime At, string Actor, string Entity, string EntityId, string Action,
    string? Before, string? After, string PreviousHash, string Hash);

public static class AuditApi
{
    // The chain itself is set up with the database (AuditSetup); the web host adds who is signed in to name the actor.
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddHttpContextAccessor();

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Office);
        audit.MapGet("/", List).WithSummary("Audit entries between from and to (UTC dates or instants), oldest first, with their chain hashes.");
        audit.MapGet("/verify", Verify).WithSummary("Recomputes the keyed hash chain and compares its head with the anchor: whether any entry was changed or removed, the newest ones included.");
        audit.MapGet("/export.csv", Export).WithSummary("The same entries as CSV (UTF-8 with BOM, so Excel reads Chinese).");
        return audit;
    }

    public static IQueryable<AuditEntry> Between(JiaowangDb db, DateTime? from, DateTime? to)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (from is { } f && f > DateTime.MinValue) query = query.Where(e => e.At >= DateTime.SpecifyKind(f, DateTimeKind.Utc));
        // A bare date as "to" means through the end of that day. The last day of the calendar (9999-12-31) has no day
        // after it: it, like any end that far out, means no end at all rather than an arithmetic overflow.
        if (to is { } t && t.Date < DateTime.MaxValue.Date)
        {
            var end = DateTime.SpecifyKind(t.TimeOfDay == TimeSpan.Zero ? t.AddDays(1) : t, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }
        return query.OrderBy(e => e.Id);
    }

    static async Task<Ok<List<AuditItem>>> List(JiaowangDb db, DateTime? from, DateTime? to, CancellationToken ct) =>
        TypedResults.Ok(await Between(db, from, to)
            .Select(e => new AuditItem(e.Id, e.At, e.Actor, e.Entity, e.EntityId, e.Action, e.Before, e.After, e.PreviousHash, e.Hash))
            .ToListAsync(ct));

    static async Task<Ok<ChainCheck>> Verify(AuditVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    static async Task<FileContentHttpResult> Export(JiaowangDb db, DateTime? from, DateTime? to, CancellationToken ct) =>
        TypedResults.File(ToCsv(await Between(db, from, to).ToListAsync(ct)), "text/csv; charset=utf-8", "audit.csv");

    public static byte[] ToCsv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("id,at,actor,entity,entityId,action,before,after,previousHash,hash\r\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', new[]
            {
                e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                e.Actor, e.Entity, e.EntityId, e.Action, e.Before ?? "", e.After ?? "", e.PreviousHash, e.Hash,
            }.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Formula prefixes are neutralised by the one CSV rule every export uses.
    static string Quote(string value) => Jiaowang.Core.Network.CsvText.Field(value, alwaysQuote: true);
}
