using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jiaowang.Web.Data;

/// <summary>
/// The ids of the migrations this build carries for a context, read from the assembly's metadata tables. EF finds them
/// by loading every type of the assembly (state machines, closures, Razor views, the compiled models: thousands) and
/// reading their attributes, a fifth of a second of every start (docs/PERFORMANCE.md, "Start-up"); the metadata names
/// the same attributes without loading a type. <c>PendingMigrationsTests</c> holds this to EF's own list on both
/// providers.
/// </summary>
static class MigrationIds
{
    static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Known = new();

    /// <remarks>A context without migrations of its own in its assembly (none is shipped so) gets EF's answer.</remarks>
    public static IReadOnlyList<string> Of(DbContext db) =>
        Known.GetOrAdd(db.GetType(), type => Read(type) is { Count: > 0 } ids ? ids : db.Database.GetMigrations().ToList());

    /// <summary>The ids, in EF's order, or null when the assembly's metadata cannot be read.</summary>
    static unsafe IReadOnlyList<string>? Read(Type context)
    {
        if (!context.Assembly.TryGetRawMetadata(out var blob, out var length)) return null;
        var reader = new MetadataReader(blob, length);
        var ids = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            string? id = null, contextName = null;
            foreach (var attributeHandle in reader.GetTypeDefinition(handle).GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(attributeHandle);
                var name = AttributeTypeName(reader, attribute);
                if (name == typeof(MigrationAttribute).FullName) id = FirstStringArgument(reader, attribute);
                else if (name == typeof(DbContextAttribute).FullName) contextName = FirstStringArgument(reader, attribute);
            }
            // A Type argument is stored as its name, assembly-qualified when the type lives in another assembly.
            if (id is not null && contextName?.Split(',')[0] == context.FullName) ids.Add(id);
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference) return null;
        var type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return $"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}";
    }

    /// <summary>The first constructor argument of an attribute whose first parameter is a string or a Type.</summary>
    static string? FirstStringArgument(MetadataReader reader, CustomAttribute attribute)
    {
        var value = reader.GetBlobReader(attribute.Value);
        if (value.ReadUInt16() != 1) return null; // the prolog of every custom attribute blob
        return value.ReadSerializedString();
    }
}
