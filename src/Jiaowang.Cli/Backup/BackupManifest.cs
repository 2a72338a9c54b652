using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Jiaowang.Web.Data;

namespace Jiaowang.Cli.Backup;

/// <summary>One table in a backup: its row count and, for PostgreSQL, the columns in the order its copy holds them.</summary>
public sealed record TableCount(string Name, long Rows, IReadOnlyList<string>? Columns = null);

/// <summary>The newest audit entry in the backup, which the restored database must end with.</summary>
public sealed record ChainHead(long Id, string Hash);

/// <summary>A file in the archive besides the manifest, with the SHA-256 restore checks before using it.</summary>
public sealed record PayloadFile(string Path, long Bytes, string Sha256);

/// <summary>
/// <c>manifest.json</c> of a backup archive: what was backed up (provider, schema migration, row counts per table, the
/// audit chain head) and the SHA-256 of every other file in the archive.
/// </summary>
public sealed record BackupManifest(
    int Format,
    string AppVersion,
    DatabaseProvider Provider,
    string? Migration,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TableCount> Tables,
    ChainHead? AuditHead,
    bool IncludesAuditKey,
    IReadOnlyList<PayloadFile> Payload)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string SqliteFile = "database.sqlite";
    public const string AnchorFile = "audit.anchor";
    public const string KeyFile = "audit.key";
    public static string TableFile(string table) => $"tables/{table}.copy";

    static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        // Readable by a person opening the zip: 方案 and "+" as themselves, no empty column lists.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null when the text is not a manifest this version can read.</summary>
    public static BackupManifest? Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Format: CurrentFormat, Tables: not null, Payload: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string AppVersionNow() =>
        typeof(JiaowangDb).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static async Task<PayloadFile> DescribeAsync(string path, string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new PayloadFile(path, stream.Length, Convert.ToHexStringLower(hash));
    }
}
