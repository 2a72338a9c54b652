using System.CommandLine;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Backup;

/// <summary>
/// <c>jiaowang backup FILE [--include-key]</c>: the database (attachments are rows in it), the audit anchor and a manifest
/// in one zip, safe while the app runs. The restore side is <see cref="RestoreCommand"/>. See docs/DATA.md#backup-and-restore.
/// </summary>
static class BackupCommands
{
    public static Command Backup()
    {
        var file = new Argument<string>("file") { Description = Messages.Get("Backup.File") };
        var includeKey = new Option<bool>("--include-key") { Description = Messages.Get("Backup.IncludeKey") };
        var command = new Command("backup", Messages.Get("Backup.Description")) { file, includeKey };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            await using var services = CliHost.Services(parse);
            var info = services.GetRequiredService<DatabaseInfo>();
            var seal = services.GetRequiredService<AuditSeal>();
            if (info.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(info.ConnectionString).DataSource))
            {
                return ExitCodes.BadInput(Messages.Get("Backup.NoDatabase", info.Display));
            }

            var folder = TemporaryFolder();
            try
            {
                // The anchor first: a commit between the two reads then only puts the copy ahead of the anchor, which the
                // chain check accepts; the other order could anchor an entry the copy does not hold.
                if (File.Exists(seal.AnchorFile)) File.Copy(seal.AnchorFile, Path.Combine(folder, BackupManifest.AnchorFile));
                if (parse.GetValue(includeKey)) await File.WriteAllTextAsync(Path.Combine(folder, BackupManifest.KeyFile), Convert.ToBase64String(seal.Key), ct);
                var facts = info.Provider == DatabaseProvider.Sqlite
                    ? await SqliteCopy.BackupAsync(info.ConnectionString, Path.Combine(folder, BackupManifest.SqliteFile), ct)
                    : await PostgresCopy.BackupAsync(info.ConnectionString, folder, ct);
                var manifest = await BackupArchive.WriteAsync(target, folder, payload => new BackupManifest(BackupManifest.CurrentFormat,
                    BackupManifest.AppVersionNow(), info.Provider, facts.Migration, DateTimeOffset.UtcNow, facts.Tables, facts.AuditHead,
                    parse.GetValue(includeKey), payload), ct);

                Console.Out.WriteLine(Messages.Get("Backup.Done", Path.GetFullPath(target), info.Provider, manifest.Tables.Count, facts.Rows,
                    manifest.AuditHead?.Id.ToString() ?? "—"));
                Console.Out.WriteLine(manifest.IncludesAuditKey ? Messages.Get("Backup.KeyIncluded") : Messages.Get("Backup.KeyNotIncluded", seal.KeyFile));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                Console.Error.WriteLine(Messages.Get("Backup.Failed", target, e.Message));
                return ExitCodes.Failed;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    public static string TemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jiaowang-backup-{Guid.NewGuid():N}");
        var info = Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) info.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        return folder;
    }

    /// <summary>The audit command's words for a broken chain.</summary>
    public static string ChainMessage(ChainCheck check) =>
        Messages.Get("Audit.Broken." + (check.Reason ?? ChainBreak.Altered), check.FirstBrokenId?.ToString() ?? "—", check.LastId?.ToString() ?? "—");

    /// <summary>Whether the process has an audit key of its own, without <see cref="AuditSeal.Key"/> creating one.</summary>
    public static bool HasKey(IConfiguration configuration, AuditSeal seal) =>
        !string.IsNullOrWhiteSpace(configuration["Audit:Key"]) || File.Exists(seal.KeyFile);
}
