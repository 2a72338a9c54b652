using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Features.Audit;

/// <summary>A change to write to the audit log; before/after are serialised to JSON as given.</summary>
public sealed record AuditRecord(string Entity, string EntityId, string Action, object? Before, object? After);

/// <summary>
/// Saves a change with the records a feature names for it (accept, return, sign-in …) and the actor who made it. Every
/// row change is chained anyway, by <see cref="AuditInterceptor"/> at SaveChanges; this adds what only the feature
/// knows — the meaning of the change and, where it differs from the ambient one, who made it — in the same transaction.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        // Row changes carry enums as stored (Binding: "ActivePartners"), readable without the code beside the log.
        Converters = { new JsonStringEnumConverter() },
    };

    public static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <param name="describe">Called after the change is saved, so that new rows have their ids.</param>
    public async Task SaveAsync(JiaowangDb db, string actor, Func<IEnumerable<AuditRecord>> describe, CancellationToken ct = default)
    {
        var session = AuditSession.For(db);
        session.ExplicitActor = actor;
        session.Describe = describe;
        // The demo generator builds its AuditLog with the clock of the year it writes; in the app it is the app's clock.
        session.Clock = clock;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            session.ExplicitActor = null;
            session.Describe = null;
            session.Clock = null;
        }
    }
}
