using System.Security.Cryptography;
using System.Text.Json;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Features.Audit;

/// <summary>
/// What the audit chain keeps outside the database: the HMAC key (<c>Audit:Key</c>, base64, or the file
/// <c>Audit:KeyFile</c>, default <c>data/audit.key</c>) and the anchor, the signed chain head (<c>Audit:AnchorFile</c>,
/// default <c>data/audit.anchor</c>). Relative paths start at <see cref="DatabaseSetup.DataRoot"/>, as the SQLite file
/// does, so the web host and the CLI resolve the same files from the same configuration.
/// </summary>
public sealed class AuditSeal
{
    public const string DefaultKeyFile = "data/audit.key";
    public const string DefaultAnchorFile = "data/audit.anchor";

    readonly Lazy<byte[]> key;
    // Anchor writes from this process are serialised here; other processes are kept out by the lock file.
    readonly Lock writing = new();

    public AuditSeal(IConfiguration configuration)
    {
        var configuredKey = configuration["Audit:Key"];
        KeyFile = Path.GetFullPath(configuration["Audit:KeyFile"] is { Length: > 0 } k ? k : DefaultKeyFile, DatabaseSetup.DataRoot());
        AnchorFile = Path.GetFullPath(configuration["Audit:AnchorFile"] is { Length: > 0 } a ? a : DefaultAnchorFile, DatabaseSetup.DataRoot());
        key = new Lazy<byte[]>(() => string.IsNullOrWhiteSpace(configuredKey) ? LoadOrCreateKeyFile(KeyFile) : Decode(configuredKey));
    }

    public string KeyFile { get; }
    public string AnchorFile { get; }
    public byte[] Key => key.Value;

    static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64.Trim());
        return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Audit:Key must be at least 32 bytes, base64-encoded.");
    }

    /// <summary>
    /// Reads the key file, or creates it with 32 random bytes readable by the owner only. Two processes starting at once
    /// both try to create it; CreateNew lets one win and the other reads what the winner wrote.
    /// </summary>
    static byte[] LoadOrCreateKeyFile(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0) return Decode(text);
                if (attempt > 50) throw new InvalidOperationException($"The audit key file {path} is empty.");
                Thread.Sleep(20); // the other process is between creating and writing it
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var stream = new FileStream(path, options))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(Convert.ToBase64String(fresh));
                }
                return fresh;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Lost the race: read the winner's key on the next turn.
            }
        }
    }

    sealed record AnchorFileContent(long Id, string Hash, string Signature);

    /// <summary>The anchor as stored, or null when there is none yet. A file that cannot be parsed counts as an invalid anchor.</summary>
    public AuditAnchor? ReadAnchor()
    {
        string text;
        try
        {
            text = File.ReadAllText(AnchorFile);
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        try
        {
            var content = JsonSerializer.Deserialize<AnchorFileContent>(text, JsonSerializerOptions.Web);
            return content is null ? new AuditAnchor(0, "", "") : new AuditAnchor(content.Id, content.Hash, content.Signature);
        }
        catch (JsonException)
        {
            return new AuditAnchor(0, "", "");
        }
    }

    /// <summary>
    /// Moves the anchor to the given head, only forward: of two processes committing at once, the one with the lower id
    /// may come second and must not move the anchor back. Written to a temporary file and renamed over the old one, so a
    /// reader sees the old anchor or the new, never half of one.
    /// </summary>
    public void Advance(long id, string hash)
    {
        lock (writing)
        {
            using var _ = LockFile();
            var current = ReadAnchor();
            if (current is not null && current.IsSignedWith(Key) && current.Id >= id) return;
            var anchor = AuditAnchor.Sign(id, hash, Key);
            var temporary = $"{AnchorFile}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(new AnchorFileContent(anchor.Id, anchor.Hash, anchor.Signature), JsonSerializerOptions.Web));
                // On disk before the rename: after a power cut the anchor is the old one or the new one, never an empty file.
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, AnchorFile, overwrite: true);
        }
    }

    /// <summary>An exclusive lock on a file beside the anchor, held by one process at a time.</summary>
    FileStream LockFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AnchorFile)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(AnchorFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 500)
            {
                Thread.Sleep(10);
            }
        }
    }
}
