using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Network;

/// <summary>The plan's partner-city target counts itself from the registry, on SQLite and on PostgreSQL.</summary>
public abstract class RegistryTargetTests(DatabaseProvider provider) : IAsyncLifetime
{
    TestDatabase database = null!;
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database);
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    async Task<JsonElement> PartnerTargetAsync(HttpClient client, int planId)
    {
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{planId}"));
        return plan.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("metric").GetString()!.Contains("友城")).Clone();
    }

    [Fact]
    public async Task Binding_the_partner_target_shows_127_of_129_without_a_typed_reading_and_two_more_partners_make_it_done()
    {
        // The shipped list: 33 real partners, Arnhem ended, so 32 count. Demo rows (flagged) fill up to the 127 the city reports.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            Assert.Equal(32, await db.Partners.CountAsync(p => p.Status == PartnerStatus.Active));
            var demo = DemoPartners.Generate(95, seed: 7, scope.ServiceProvider.GetRequiredService<CountryCatalog>());
            await scope.ServiceProvider.GetRequiredService<PartnerImporter>().StoreAsync(demo, "test", "demo");
        }
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var planId = (await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id;
        var target = await PartnerTargetAsync(client, planId);
        Assert.Equal("manual", target.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("current").ValueKind);

        var bind = await client.PutAsJsonAsync($"/api/targets/{target.GetProperty("id").GetInt32()}/binding", new { binding = "ActivePartners" });
        Assert.Equal(HttpStatusCode.NoContent, bind.StatusCode);

        target = await PartnerTargetAsync(client, planId);
        Assert.Equal("registry", target.GetProperty("source").GetString());
        Assert.Equal(127m, target.GetProperty("current").GetDecimal());
        Assert.Equal(129m, target.GetProperty("value").GetDecimal());
        Assert.Equal("onTrack", target.GetProperty("status").GetString());

        foreach (var city in new[] { "Lyon", "Osaka" })
        {
            var added = await client.PostAsJsonAsync("/api/partners", new { cityEn = city, country = city == "Lyon" ? "France" : "Japan", kind = "友好交流城市", yearEstablished = 2026 });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        target = await PartnerTargetAsync(client, planId);
        Assert.Equal(129m, target.GetProperty("current").GetDecimal());
        Assert.Equal("done", target.GetProperty("status").GetString());

        await using var check = factory.Services.CreateAsyncScope();
        var readings = await check.ServiceProvider.GetRequiredService<JiaowangDb>().Readings.AsNoTracking()
            .Where(r => r.TargetId == target.GetProperty("id").GetInt32()).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([127m, 128m, 129m], readings.Select(r => r.Value));
        Assert.All(readings, r => Assert.Equal(("registry", Jiaowang.Core.Plans.ReadingOrigin.Registry), (r.RecordedBy, r.Origin)));
        Assert.Contains("有效友城 129 个", readings[^1].Source);
    }

    [Fact]
    public async Task Ending_a_partnership_lowers_the_count_and_keeps_the_change()
    {
        var office = await Accounts.CreateAsync(factory, "office");
        using var client = await Accounts.BearerClientAsync(factory, office.UserName!);
        var planId = (await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans"))!.Single().Id;
        var targetId = (await PartnerTargetAsync(client, planId)).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/targets/{targetId}/binding", new { binding = "ActivePartners" });
        var duisburg = (await client.GetFromJsonAsync<List<PartnerItem>>("/api/partners?q=Duisburg"))!.Single();

        var edit = await client.PutAsJsonAsync($"/api/partners/{duisburg.Id}", new
        {
            cityEn = duisburg.NameEn, cityZh = duisburg.NameZh, country = duisburg.CountryCode, kind = duisburg.KindText,
            yearEstablished = duisburg.EstablishedYear, establishedOn = "1982-10-08", status = "ended", endedOn = "2026-06-01",
            latitude = duisburg.Latitude, longitude = duisburg.Longitude, source = duisburg.Source,
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        Assert.Equal(31m, (await PartnerTargetAsync(client, planId)).GetProperty("current").GetDecimal());
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/partners/{duisburg.Id}"));
        var change = detail.RootElement.GetProperty("changes")[0];
        Assert.Equal(office.UserName, change.GetProperty("changedBy").GetString());
        Assert.Contains("\"status\":{\"before\":\"Active\",\"after\":\"Ended\"}", change.GetProperty("changes").GetString());

        // The same edit is in the platform's audit log, and the chain still verifies.
        using var audit = JsonDocument.Parse(await client.GetStringAsync("/api/audit"));
        // The editor's own record ("edited"), beside the row changes of the shipped list's load and of this edit.
        var entry = audit.RootElement.EnumerateArray().Single(e => e.GetProperty("entity").GetString() == "Partner" && e.GetProperty("action").GetString() == "edited");
        Assert.Equal(duisburg.Id.ToString(), entry.GetProperty("entityId").GetString());
        Assert.Equal(office.UserName, entry.GetProperty("actor").GetString());
        Assert.Contains("true", await client.GetStringAsync("/api/audit/verify"));
    }

    [Fact]
    public async Task Only_the_office_may_edit_the_registry()
    {
        var member = await Accounts.CreateAsync(factory, "member");
        using var client = await Accounts.BearerClientAsync(factory, member.UserName!);
        var response = await client.PostAsJsonAsync("/api/partners", new { cityEn = "Lyon", country = "France", kind = "友好交流城市" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/targets/1/binding", new { binding = "ActivePartners" })).StatusCode);
    }
}

public sealed class SqliteRegistryTargetTests() : RegistryTargetTests(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryTargetTests() : RegistryTargetTests(DatabaseProvider.Postgres);
