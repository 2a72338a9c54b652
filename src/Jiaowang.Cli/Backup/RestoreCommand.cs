using System.CommandLine;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiaowang.Cli.Backup;

/// <summary>
/// <c>jiaowang restore FILE [--force]</c>: everything that can be checked is checked before the target is touched
/// (payload hashes, provider, schema, audit key); the data is then checked again against the manifest (rows per table,
/// chain head, the audit chain) before it counts as restored. A refused or failed restore leaves the target as it was.
/// </summary>
static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = Messages.Get("Restore.File") };
        var force = new Option<bool>("--force") { Description = Messages.Get("Restore.Force") };
        var command = new Command("restore", Messages.Get("Restore.Description")) { file, force };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return ExitCodes.BadInput(Messages.Get("Restore.NoFile", path));
            var folder = BackupCommands.TemporaryFolder();
            try
            {
                var (archive, problem) = await BackupArchive.OpenAsync(path, folder, ct);
                if (archive is null) return ExitCodes.BadInput(problem!);
                await using var services = CliHost.Services(parse);
                return await RestoreAsync(services, archive, parse.GetValue(force), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Data.Common.DbException)
            {
                // The target's own transaction (or SQLite's backup step) was rolled back: it is as it was.
                Console.Error.WriteLine(Messages.Get("Restore.Failed", e.Message));
                return ExitCodes.Failed;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    static async Task<int> RestoreAsync(ServiceProvider services, BackupArchive.Opened archive, bool force, CancellationToken ct)
    {
        var manifest = archive.Manifest;
        var info = services.GetRequiredService<DatabaseInfo>();
        var seal = services.GetRequiredService<AuditSeal>();
        if (manifest.Provider != info.Provider) return ExitCodes.BadInput(Messages.Get("Restore.CrossProvider", manifest.Provider, info.Provider));

        // The schema: a migration this version does not know means a newer version wrote the backup.
        await using (var scope = services.CreateAsyncScope())
        {
            var known = scope.ServiceProvider.GetRequiredService<JiaowangDb>().Database.GetMigrations().ToList();
            if (manifest.Migration is { } migration && !known.Contains(migration))
                return ExitCodes.BadInput(Messages.Get("Restore.NewerSchema", migration, manifest.AppVersion));
            // PostgreSQL rows are copied into this version's tables, so the schemas must be the same (SQLite brings its own).
            if (info.Provider == DatabaseProvider.Postgres && manifest.Migration != known.LastOrDefault())
                return ExitCodes.BadInput(Messages.Get("Restore.SchemaDiffers", manifest.Migration ?? "—", known.LastOrDefault() ?? "—", manifest.AppVersion));
        }

        // The key the restored chain will be checked with from now on: this installation's, or the one in the backup.
        var configuration = services.GetRequiredService<IConfiguration>();
        var hasKey = BackupCommands.HasKey(configuration, seal);
        var backupKey = archive.Key is null ? null : Convert.FromBase64String(archive.Key);
        if (!hasKey && backupKey is null) return ExitCodes.BadInput(Messages.Get("Restore.NoKey", seal.KeyFile));
        if (hasKey && backupKey is not null && !backupKey.SequenceEqual(seal.Key)) return ExitCodes.BadInput(Messages.Get("Restore.KeyDiffers", seal.KeyFile));
        var key = hasKey ? seal.Key : backupKey!;
        if (archive.Anchor is { } anchor && !anchor.IsSignedWith(key)) return ExitCodes.BadInput(Messages.Get("Restore.WrongKey", seal.KeyFile));

        if (await FirstRowsAsync(info, ct) is { } found && !force)
            return ExitCodes.BadInput(Messages.Get("Restore.NotEmpty", info.Display, found.Rows, found.Table));

        List<string> differences;
        if (info.Provider == DatabaseProvider.Sqlite)
        {
            // The copy is checked where it lies, before the target is written at all.
            var copy = Path.Combine(archive.Folder, BackupManifest.SqliteFile);
            differences = (await SqliteCopy.FactsAsync(copy, ct)).DifferencesFrom(manifest);
            var chain = await SqliteCopy.VerifyChainAsync(copy, key, archive.Anchor, ct);
            if (!chain.Intact) differences.Add(BackupCommands.ChainMessage(chain));
            if (differences.Count == 0)
            {
                if (!hasKey) WriteKey(seal.KeyFile, archive.Key!);
                await SqliteCopy.RestoreAsync(copy, info.ConnectionString, ct);
            }
        }
        else
        {
            await DatabaseStartup.MigrateAsync(services, ct);
            if (!hasKey) WriteKey(seal.KeyFile, archive.Key!);
            differences = await PostgresCopy.RestoreAsync(info.ConnectionString, archive.Folder, manifest, key, archive.Anchor, ct);
            NpgsqlConnection.ClearAllPools();
        }
        if (differences.Count > 0) return ExitCodes.BadInput(Messages.Get("Restore.Mismatch", string.Join("; ", differences)));

        // The anchor goes with the database it anchors; a backup without one (no audit entries yet) leaves none.
        WriteAnchor(seal.AnchorFile, archive.AnchorBytes);
        // A backup from an earlier version is brought up to this one's schema, as the app would at start.
        if (info.Provider == DatabaseProvider.Sqlite) await DatabaseStartup.MigrateAsync(services, ct);

        // The same check as jiaowang audit verify, on the restored database and anchor file.
        await using var verify = services.CreateAsyncScope();
        var check = await verify.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
        if (!check.Intact)
        {
            Console.Error.WriteLine(BackupCommands.ChainMessage(check));
            return ExitCodes.Failed;
        }
        Console.Out.WriteLine(Messages.Get("Restore.Done", info.Display, manifest.Provider, manifest.Tables.Count, manifest.Tables.Sum(t => t.Rows), manifest.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm"), manifest.AppVersion));
        Console.Out.WriteLine(Messages.Get("Audit.Intact", check.Entries, check.AnchorId?.ToString() ?? "—"));
        return ExitCodes.Ok;
    }

    /// <summary>The first table holding rows in the target, or null when it is empty (or does not exist yet).</summary>
    static async Task<(string Table, long Rows)?> FirstRowsAsync(DatabaseInfo info, CancellationToken ct)
    {
        await using System.Data.Common.DbConnection connection = info.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(info.ConnectionString)
            : new NpgsqlConnection(info.ConnectionString);
        await connection.OpenAsync(ct);
        var facts = await DatabaseFacts.ReadAsync(connection, null, ct);
        return facts.Rows == 0 ? null : (facts.Tables.First(t => t.Rows > 0).Name, facts.Rows);
    }

    static void WriteKey(string path, string base64)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(base64);
    }

    /// <summary>Replaced by renaming a finished file over it, as AuditSeal does: never half an anchor.</summary>
    static void WriteAnchor(string path, byte[]? bytes)
    {
        if (bytes is null)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.restore.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
