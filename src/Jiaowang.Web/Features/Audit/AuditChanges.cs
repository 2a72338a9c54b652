using System.Globalization;
using Jiaowang.Core.Audit;
using Jiaowang.Core.Evaluations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jiaowang.Web.Features.Audit;

/// <summary>
/// Which row changes go into the audit log and what of them: the one place that decides what is left out and what is
/// redacted. Values are read from the change tracker, so recording a change costs no query.
/// </summary>
public static class AuditChanges
{
    public const string Redacted = "[redacted]";

    /// <summary>Entity types never written to the audit log, each for the reason beside it.</summary>
    static bool IsExcluded(IEntityType type) =>
        // The log itself: its rows are the record, not changes to record.
        type.ClrType == typeof(AuditEntry)
        // Ballot content (满意度测评 answers). Answers are stored without user, time or ordered key on purpose, so that no
        // one — not the office, not a database administrator — can tell what a council member voted. An audit entry is
        // written in the same transaction as the voter row, carries the actor and the time: auditing answers would be
        // exactly the link the vote promises does not exist. The voter row (who voted, not what) is audited.
        || type.ClrType == typeof(EvaluationAnswer)
        // ASP.NET Data Protection keys, should they ever be kept in the database: key material, not a change of record.
        || type.ClrType.FullName == "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey";

    /// <summary>
    /// Properties whose values are secrets: the audit records that they changed, never what they hold. Identity's
    /// password hash and stamps, and every user token (authenticator key, recovery codes, …, kept in AspNetUserTokens).
    /// </summary>
    static bool IsSecret(IEntityType type, IProperty property) =>
        property.Name is nameof(IdentityUser.PasswordHash) or nameof(IdentityUser.SecurityStamp) or nameof(IdentityUser.ConcurrencyStamp)
        || (typeof(IdentityUserToken<string>).IsAssignableFrom(type.ClrType) && property.Name == nameof(IdentityUserToken<string>.Value))
        || property.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || property.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) && property.ClrType == typeof(string);

    /// <summary>The changes about to be saved, with what must be read before the save (before-values, deleted rows).</summary>
    public static List<RowChange> Capture(DbContext context)
    {
        var changes = new List<RowChange>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsExcluded(entry.Metadata)) continue;
            var type = entry.Metadata;
            switch (entry.State)
            {
                case EntityState.Added:
                    // Store-generated keys and the foreign keys to new rows are known only after the save.
                    changes.Add(new RowChange(entry, "insert", [], null));
                    break;
                case EntityState.Modified:
                    var modified = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata).ToList();
                    if (modified.Count == 0) continue;
                    changes.Add(new RowChange(entry, "update", modified, Values(type, modified, p => entry.Property(p.Name).OriginalValue)));
                    break;
                case EntityState.Deleted:
                    var all = type.GetProperties().ToList();
                    // A deleted row is detached after the save: its key is read now.
                    changes.Add(new RowChange(entry, "delete", all, Values(type, all, p => entry.Property(p.Name).OriginalValue), KeyOf(entry)));
                    break;
            }
        }
        return changes;
    }

    static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    static string Format(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static SortedDictionary<string, object?> Values(IEntityType type, IEnumerable<IProperty> properties, Func<IProperty, object?> read)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var value = read(property);
            values[property.Name] = IsSecret(type, property) ? (value is null ? null : Redacted)
                // Attachments' bytes would copy every file into the log; their length says they changed, the row keeps its SHA-256.
                : value is byte[] bytes ? $"{bytes.Length} bytes" : value;
        }
        return values;
    }

    /// <summary>One row's change; <see cref="Describe"/> is called after the save, when new rows have their keys.</summary>
    public sealed record RowChange(EntityEntry Entry, string Action, List<IProperty> Properties, SortedDictionary<string, object?>? Before, string? DeletedKey = null)
    {
        public AuditRecord Describe()
        {
            var type = Entry.Metadata;
            var after = Action switch
            {
                "insert" => Values(type, type.GetProperties(), p => Entry.Property(p.Name).CurrentValue),
                "update" => Values(type, Properties, p => Entry.Property(p.Name).CurrentValue),
                _ => null,
            };
            return new AuditRecord(type.ShortName(), DeletedKey ?? KeyOf(Entry), Action, Before, after);
        }
    }
}
