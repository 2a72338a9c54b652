using System.IO.Compression;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;

namespace Jiaowang.Cli.Tests;

/// <summary>
/// <c>jiaowang backup</c> and <c>jiaowang restore</c> round-trip a demo year with an attachment, on both providers: every
/// table of the model comes back row for row and the audit chain verifies; a non-empty target and a tampered backup are
/// refused and leave the target as it was.
/// </summary>
public sealed class BackupRestoreTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_demo_year_comes_back_row_for_row_and_verifies_and_a_full_or_tampered_target_is_refused(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var target = await TestDatabase.CreateAsync(provider);
        var archive = Path.Combine(Path.GetTempPath(), "jiaowang-tests", $"backup-{Guid.NewGuid():N}.zip");
        Assert.Equal(0, (await Cli.RunAsync(["plan", "import", Seed], environment: source.Environment)).ExitCode);
        var demo = await Cli.RunAsync(["demo", "generate", "--seed", "3", "--until", "2026-09-30"], environment: source.Environment);
        Assert.True(demo.ExitCode == 0, demo.Error);
        var attachment = System.Security.Cryptography.RandomNumberGenerator.GetBytes(200_000);
        await TableRows.AttachAsync(source, await TableRows.ScalarAsync(source, "SELECT MIN(\"Id\") FROM \"Reports\""), attachment);

        // SQLite: the key is kept apart, as docs/DATA.md says, and copied to the new machine; PostgreSQL: in the archive.
        var includeKey = provider == DatabaseProvider.Postgres;
        var backup = await Cli.RunAsync(includeKey ? ["backup", archive, "--include-key"] : ["backup", archive], environment: source.Environment);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains(includeKey ? "备份中含审计密钥" : "备份中不含审计密钥", backup.Out);
        if (!includeKey)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.AuditKeyFile)!);
            File.Copy(source.AuditKeyFile, target.AuditKeyFile);
        }

        var restored = await Cli.RunAsync(["restore", archive], culture: "en_US.UTF-8", environment: target.Environment);

        Assert.True(restored.ExitCode == 0, restored.Error + restored.Out);
        // Its last step is jiaowang audit verify's check, on the restored database and the anchor file it wrote.
        Assert.Contains("The audit log is intact", restored.Out);
        var expected = await TableRows.ReadAsync(source);
        var actual = await TableRows.ReadAsync(target);
        Assert.True(expected["Reports"].Count > 100, "the demo year should have reports");
        Assert.Contains(Convert.ToHexString(attachment), Assert.Single(actual["Attachments"]));
        foreach (var table in TableRows.ModelTables()) Assert.True(expected[table].SequenceEqual(actual[table]), $"table {table} differs after the restore");

        // Restoring again over the now full database is refused without --force.
        var again = await Cli.RunAsync(["restore", archive], environment: target.Environment);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("不是空的", again.Error);
        Assert.Contains("--force", again.Error);

        // A changed byte in the database copy: refused even with --force, the target untouched.
        var tampered = Tamper(archive, provider == DatabaseProvider.Sqlite ? "database.sqlite" : "tables/Attachments.copy");
        var refused = await Cli.RunAsync(["restore", tampered, "--force"], culture: "en_US.UTF-8", environment: target.Environment);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("damaged or was altered", refused.Error);
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "database.sqlite" : "tables/Attachments.copy", refused.Error);
        foreach (var (table, rows) in await TableRows.ReadAsync(target)) Assert.True(expected[table].SequenceEqual(rows), $"table {table} changed by a refused restore");

        // A backup of the other provider is refused by name.
        var other = await Cli.RunAsync(["restore", archive, "--provider", provider == DatabaseProvider.Sqlite ? "Postgres" : "Sqlite",
            "--connection", provider == DatabaseProvider.Sqlite ? "Host=127.0.0.1;Database=none" : "Data Source=" + archive + ".db"], environment: target.Environment);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("不能跨数据库类型恢复", other.Error);

        if (provider == DatabaseProvider.Sqlite)
        {
            var forced = await Cli.RunAsync(["restore", archive, "--force"], environment: target.Environment);
            Assert.True(forced.ExitCode == 0, forced.Error);
        }
        File.Delete(archive);
        File.Delete(tampered);
    }

    /// <summary>A copy of the archive with one byte of <paramref name="entryName"/> changed, its manifest left as it was.</summary>
    static string Tamper(string archive, string entryName)
    {
        var copy = archive.Replace(".zip", "-tampered.zip");
        File.Copy(archive, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        byte[] bytes;
        using (var input = entry.Open())
        using (var buffer = new MemoryStream())
        {
            input.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        bytes[bytes.Length / 2] ^= 0x5a;
        entry.Delete();
        using var output = zip.CreateEntry(entryName).Open();
        output.Write(bytes);
        return copy;
    }
}
