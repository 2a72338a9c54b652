using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Features.Accounts;
using Npgsql;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// On PostgreSQL every save appends to the audit chain in turn, across processes. A save that cannot get its turn in
/// time (another process holds the append lock) is refused as busy, 503 with Retry-After, and stores nothing; it is
/// never a 500. Saved again once the lock is free, it goes through.
/// </summary>
public sealed class AuditBusyTests
{
    // The advisory lock key of AuditInterceptor ("jiaowang").
    const long AppendLock = 0x6a69616f77616e67;

    [Fact]
    public async Task A_save_that_waits_too_long_for_the_audit_chain_is_refused_as_busy_and_stores_nothing()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var factory = new JiaowangFactory(database, settings: new Dictionary<string, string> { ["Audit:AppendLockWait"] = "00:00:01" });
        var office = await Accounts.CreateAsync(factory, Roles.Office);
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans");
        var planId = plans![0].GetProperty("id").GetInt32();
        var target = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("targets").EnumerateArray()
            .First(t => t.GetProperty("source").GetString() == "manual").GetProperty("id").GetInt32();

        // Another process (here: another connection) is appending and does not finish.
        // Unpooled, as another process's connection is: closing it ends its session and so releases its lock.
        await using (var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await other.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AppendLock})", other)) await take.ExecuteNonQueryAsync();

            var refused = await client.PostAsJsonAsync($"/api/targets/{target}/readings", new { value = 1234, asOf = "2026-06-01", source = "忙时保存" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("服务器繁忙", problem.GetProperty("title").GetString());

            // Nothing of it was stored.
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Readings\" WHERE \"Source\" = '忙时保存'", other);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }

        // The other process is done (its connection closed, its lock with it): the same save goes through.
        var saved = await client.PostAsJsonAsync($"/api/targets/{target}/readings", new { value = 1234, asOf = "2026-06-01", source = "忙时保存" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }
}
