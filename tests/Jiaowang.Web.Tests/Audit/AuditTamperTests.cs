using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Audit;

/// <summary>What someone with write access to the database but without the audit key tries, and verify sees.</summary>
public abstract class AuditTamperTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        // The background jobs stay asleep: their first round (reminders, the ladder) appends entries of its own, and one
        // that commits between the verifier's anchor read and its entry read leaves the anchor behind the newest entry
        // for a moment, as designed; these tests need a log that only they write to. (CI saw exactly that once.)
        app = await SupervisionApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Jobs:FirstRoundDelay"] = "01:00:00" });
        office = await app.OfficeAsync();
        for (var i = 0; i < 4; i++)
        {
            var added = await office.PostAsJsonAsync("/api/partners", new { cityEn = $"Tamper {i}", country = "France", kind = "友好交流城市", yearEstablished = 2026 });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    Task<ChainCheck> VerifyAsync() => office.GetFromJsonAsync<ChainCheck>("/api/audit/verify")!;

    async Task SqlAsync(FormattableString sql)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Database.ExecuteSqlAsync(sql);
    }

    async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JiaowangDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task An_untouched_log_is_intact_and_anchored_at_its_newest_entry()
    {
        var check = await VerifyAsync();
        Assert.True(check.Intact, check.Reason);
        Assert.Equal((await EntriesAsync())[^1].Id, check.AnchorId);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_seen_and_a_later_write_does_not_hide_it()
    {
        var entries = await EntriesAsync();
        var keep = entries[^3].Id;
        await SqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Id\" > {keep}");

        var check = await VerifyAsync();
        Assert.False(check.Intact);
        Assert.Equal(ChainBreak.Truncated, check.Reason);
        Assert.Equal(entries[^1].Id, check.FirstBrokenId);
        Assert.Equal(keep, check.LastId);

        // The app goes on writing onto the shortened log; the anchor stays on the missing entry, so the cut stays visible.
        await office.PostAsJsonAsync("/api/partners", new { cityEn = "After the cut", country = "France", kind = "友好交流城市", yearEstablished = 2026 });
        var later = await VerifyAsync();
        Assert.False(later.Intact);
        Assert.Equal(entries[^1].Id, later.FirstBrokenId);
    }

    [Fact]
    public async Task Deleting_every_entry_is_seen()
    {
        await SqlAsync($"DELETE FROM \"AuditLog\"");

        var check = await VerifyAsync();

        Assert.False(check.Intact);
        Assert.Equal((ChainBreak.Truncated, 0L), (check.Reason, check.Entries));
    }

    [Fact]
    public async Task Rewriting_an_entry_and_recomputing_the_plain_hashes_after_it_is_seen_at_that_entry()
    {
        var entries = await EntriesAsync();
        var forged = entries[^4];
        var previous = entries[^5].Hash;
        // What the chain was before it was keyed: SHA-256 over the same fields. Anyone with the database could do this.
        foreach (var entry in entries.SkipWhile(e => e.Id != forged.Id))
        {
            if (entry.Id == forged.Id) entry.Actor = "someone-else";
            entry.PreviousHash = previous;
            entry.Hash = PlainHash(entry);
            previous = entry.Hash;
            await SqlAsync($"UPDATE \"AuditLog\" SET \"Actor\" = {entry.Actor}, \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Id\" = {entry.Id}");
        }

        var check = await VerifyAsync();

        Assert.False(check.Intact);
        Assert.Equal((ChainBreak.Altered, forged.Id), (check.Reason, check.FirstBrokenId!.Value));
    }

    static string PlainHash(AuditEntry entry)
    {
        var builder = new StringBuilder();
        foreach (var field in new[] { entry.PreviousHash, entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture), entry.Actor, entry.Entity, entry.EntityId, entry.Action, entry.Before, entry.After })
        {
            var value = field ?? "\u2400";
            builder.Append(value.Length).Append(':').Append(value).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    [Fact]
    public async Task The_whole_calendar_as_a_range_lists_the_log_instead_of_failing()
    {
        using var browser = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "office")).UserName!);

        var page = await browser.GetAsync("/office/audit?from=0001-01-01&to=9999-12-31");
        var api = await office.GetAsync("/api/audit?from=0001-01-01&to=9999-12-31");
        var csv = await office.GetAsync("/api/audit/export.csv?from=0001-01-01&to=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tamper 3", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }
}

public sealed class SqliteAuditTamperTests() : AuditTamperTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditTamperTests() : AuditTamperTests(DatabaseProvider.Postgres);
