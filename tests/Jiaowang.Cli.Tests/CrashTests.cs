using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Jiaowang.Web.Tests.Spreadsheets;

namespace Jiaowang.Cli.Tests;

/// <summary>
/// The real CLI and the real web app, killed with SIGKILL in the middle of a write (inside its transaction, where
/// JIAOWANG_TEST_PAUSE_AT holds it), then opened again: every table holds what it held before the write, the audit chain
/// verifies, and the same action then succeeds as if it had never been tried.
/// </summary>
public sealed class CrashTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);
    const string Password = "Crash-Test-2026";

    static async Task AssertVerifiesAsync(TestDatabase database)
    {
        var verified = await Cli.RunAsync(["audit", "verify"], environment: database.Environment);
        Assert.True(verified.ExitCode == 0, verified.Error);
    }

    static void AssertSame(Dictionary<string, long> before, Dictionary<string, long> after)
    {
        foreach (var (table, rows) in before) Assert.True(after[table] == rows, $"{table}: {rows} rows before the crash, {after[table]} after");
    }

    [Fact]
    public async Task A_plan_import_and_a_demo_year_killed_mid_transaction_leave_nothing_behind()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        // Opens the database (schema, roles, audit key and anchor) so that the killed command finds it ready.
        await AssertVerifiesAsync(database);

        var before = await TableRows.CountsAsync(database);
        using (var import = Killed.Start(Cli.StartInfo(["plan", "import", Seed], environment: environment), "Plan:insert"))
        {
            await import.KillAtPauseAsync();
        }
        AssertSame(before, await TableRows.CountsAsync(database));
        // The same import then goes through as if it had never been tried (the chain is verified at the end).
        var imported = await Cli.RunAsync(["plan", "import", Seed], environment: environment);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("已导入", imported.Out);

        before = await TableRows.CountsAsync(database);
        using (var demo = Killed.Start(Cli.StartInfo(["demo", "generate", "--seed", "5", "--until", "2026-09-30"], environment: environment), "DemoRun:generate"))
        {
            await demo.KillAtPauseAsync();
        }
        // Not even the reporting periods the run generated first: they were in its transaction.
        AssertSame(before, await TableRows.CountsAsync(database));
        await AssertVerifiesAsync(database);
    }

    [Fact]
    public async Task An_attachment_upload_and_an_excel_readings_import_killed_in_the_web_app_leave_nothing_behind()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        Assert.Equal(0, (await Cli.RunAsync(["plan", "import", Seed], environment: environment)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(["user", "add", "--role", "liaison", "--name", "crash-liaison", "--unit", "市商务局", "--password-stdin"],
            environment: environment, stdin: Password + "\n")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(["user", "add", "--role", "office", "--name", "crash-office", "--password-stdin"],
            environment: environment, stdin: Password + "\n")).ExitCode);
        var planId = await TableRows.ScalarAsync(database, "SELECT MIN(Id) FROM Plans");

        // The liaison starts a report and uploads a PDF; the app dies while the upload's transaction is open.
        int reportId;
        var port = WebProcess.FreePort();
        using (var app = Killed.Start(WebProcess.StartInfo(environment, port), "Attachment:attach"))
        {
            await WebProcess.ReadyAsync(app.Process, port);
            using var liaison = await WebProcess.SignedInAsync(port, "crash-liaison", Password);
            var periods = await liaison.GetFromJsonAsync<List<JsonElement>>($"/api/plans/{planId}/periods");
            var period = periods!.First(p => p.GetProperty("kind").GetString() != "monthly").GetProperty("id").GetInt32();
            var created = await liaison.PostAsJsonAsync("/api/reports", new { periodId = period, text = "<p>上半年工作总结</p>" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

            var before = await TableRows.CountsAsync(database);
            var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 100_000) + "\n%%EOF\n");
            var upload = liaison.PostAsync($"/api/reports/{reportId}/attachments?fileName=统计.pdf", new ByteArrayContent(pdf));
            await app.KillAtPauseAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
            AssertSame(before, await TableRows.CountsAsync(database));
        }
        Assert.Equal(0, await TableRows.ScalarAsync(database, "SELECT COUNT(*) FROM Attachments"));

        // Started again on the same file: the report is there without the file, and the office's readings import dies too.
        port = WebProcess.FreePort();
        using (var app = Killed.Start(WebProcess.StartInfo(environment, port), "ReadingImport:import"))
        {
            await WebProcess.ReadyAsync(app.Process, port);
            using var liaison = await WebProcess.SignedInAsync(port, "crash-liaison", Password);
            Assert.Empty((await liaison.GetFromJsonAsync<List<JsonElement>>($"/api/reports/{reportId}/attachments"))!);
            using var office = await WebProcess.SignedInAsync(port, "crash-office", Password);
            var template = await office.GetByteArrayAsync($"/api/plans/{planId}/readings/template.xlsx");
            var filled = Workbooks.Fill(template, "读数 Readings", new Dictionary<string, object>
            {
                ["D2"] = new DateOnly(2026, 6, 1), ["E2"] = 12, ["D3"] = new DateOnly(2026, 6, 1), ["E3"] = 34,
            });

            var before = await TableRows.CountsAsync(database);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(filled), "file", "读数.xlsx" } };
            var import = office.PostAsync($"/api/plans/{planId}/readings/import", form);
            await app.KillAtPauseAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => import);
            AssertSame(before, await TableRows.CountsAsync(database));
        }
        await AssertVerifiesAsync(database);
    }
}
