using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Jiaowang.Core.Audit;

namespace Jiaowang.Cli.Backup;

/// <summary>
/// The backup file: a zip holding <c>manifest.json</c> and the payload it lists (the database copy, the audit anchor and,
/// only when asked for, the audit key). Written under a temporary name and renamed, readable by its owner only.
/// </summary>
static class BackupArchive
{
    /// <summary>Zips <paramref name="folder"/> (every file in it is payload) with the manifest into <paramref name="file"/>.</summary>
    public static async Task<BackupManifest> WriteAsync(string file, string folder, Func<IReadOnlyList<PayloadFile>, BackupManifest> manifestFor, CancellationToken ct)
    {
        var payload = new List<PayloadFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            payload.Add(await BackupManifest.DescribeAsync(Path.GetRelativePath(folder, path).Replace('\\', '/'), path, ct));
        }
        var manifest = manifestFor(payload);
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.ReadWrite, Share = FileShare.None };
            // The copy holds everyone's reports and password hashes: owner-only, like the database file should be.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var stream = new FileStream(temporary, options))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                using (var entry = zip.CreateEntry(BackupManifest.FileName).Open())
                {
                    await entry.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.ToJson()), ct);
                }
                foreach (var item in payload)
                {
                    // The SQLite file compresses well; the table copies too. Attachments (PDF, images) hardly, but cost little.
                    using var entry = zip.CreateEntry(item.Path, CompressionLevel.Fastest).Open();
                    await using var input = File.OpenRead(Path.Combine(folder, item.Path));
                    await input.CopyToAsync(entry, ct);
                }
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return manifest;
    }

    /// <summary>An archive unpacked into a folder, its payload checked against the manifest.</summary>
    public sealed record Opened(BackupManifest Manifest, string Folder, byte[]? AnchorBytes, AuditAnchor? Anchor, string? Key);

    /// <summary>Unpacks into <paramref name="folder"/>; a line saying what is wrong when the file is not an intact backup.</summary>
    public static async Task<(Opened? Archive, string? Problem)> OpenAsync(string file, string folder, CancellationToken ct)
    {
        BackupManifest? manifest;
        try
        {
            using var zip = ZipFile.OpenRead(file);
            var manifestEntry = zip.GetEntry(BackupManifest.FileName);
            if (manifestEntry is null) return (null, Messages.Get("Restore.NotAnArchive", file));
            using (var reader = new StreamReader(manifestEntry.Open()))
            {
                manifest = BackupManifest.Parse(await reader.ReadToEndAsync(ct));
            }
            if (manifest is null) return (null, Messages.Get("Restore.NotAnArchive", file));
            foreach (var item in manifest.Payload)
            {
                // Only names the manifest lists are unpacked, and only inside the folder.
                var target = Path.GetFullPath(Path.Combine(folder, item.Path));
                if (!target.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return (null, Messages.Get("Restore.NotAnArchive", file));
                var entry = zip.GetEntry(item.Path);
                if (entry is null) return (null, Messages.Get("Restore.PayloadMissing", item.Path));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var input = entry.Open())
                await using (var output = File.Create(target))
                {
                    await input.CopyToAsync(output, ct);
                }
                var found = await BackupManifest.DescribeAsync(item.Path, target, ct);
                if (found.Sha256 != item.Sha256 || found.Bytes != item.Bytes)
                    return (null, Messages.Get("Restore.PayloadMismatch", item.Path, item.Sha256[..12], found.Sha256[..12]));
            }
        }
        catch (InvalidDataException)
        {
            return (null, Messages.Get("Restore.NotAnArchive", file));
        }

        var anchorPath = Path.Combine(folder, BackupManifest.AnchorFile);
        var anchorBytes = File.Exists(anchorPath) ? await File.ReadAllBytesAsync(anchorPath, ct) : null;
        var keyPath = Path.Combine(folder, BackupManifest.KeyFile);
        var key = File.Exists(keyPath) ? (await File.ReadAllTextAsync(keyPath, ct)).Trim() : null;
        return (new Opened(manifest, folder, anchorBytes, anchorBytes is null ? null : ParseAnchor(anchorBytes), key), null);
    }

    sealed record AnchorContent(long Id, string Hash, string Signature);

    /// <summary>The anchor as <c>AuditSeal</c> writes it; one that cannot be read counts as unsigned.</summary>
    static AuditAnchor ParseAnchor(byte[] bytes)
    {
        try
        {
            var content = JsonSerializer.Deserialize<AnchorContent>(bytes, JsonSerializerOptions.Web);
            return content is null ? new AuditAnchor(0, "", "") : new AuditAnchor(content.Id, content.Hash ?? "", content.Signature ?? "");
        }
        catch (JsonException)
        {
            return new AuditAnchor(0, "", "");
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
