using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Tests.Data;

/// <summary>
/// A start skips each seeding step that one plain query (<see cref="StartupFacts"/>) finds done. The query must see
/// what the steps would see: a seeded database is done, and a database missing a role, its places or its districts is
/// repaired by the next start, as it was when every step checked for itself.
/// </summary>
public sealed class StartupFactsTests
{
    static readonly Dictionary<string, string> WithDistricts = new() { ["Seed:Districts"] = "true" };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_start_finds_a_seeded_database_done_and_repairs_what_is_missing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Start(database);
        using (var db = database.Open())
        {
            Assert.Equal(new StartupFacts(true, true, true, true, true, true, true), await StartupFacts.ReadAsync(db));

            var places = await db.Places.CountAsync();
            Assert.True(places > 0);
            await db.Places.ExecuteDeleteAsync();
            await db.Roles.Where(r => r.Name == Jiaowang.Web.Features.Accounts.Roles.Member).ExecuteDeleteAsync();
            await db.Units.Where(u => u.Name == UnitGroups.RelevantDistricts).ExecuteUpdateAsync(u => u.SetProperty(x => x.Kind, UnitKind.Body));
            Assert.Equal(new StartupFacts(false, true, false, true, true, false, true), await StartupFacts.ReadAsync(db));
        }

        await Start(database);
        using (var db = database.Open())
        {
            Assert.Equal(new StartupFacts(true, true, true, true, true, true, true), await StartupFacts.ReadAsync(db));
            Assert.True(await db.Places.AnyAsync());
            Assert.True(await db.Roles.AnyAsync(r => r.Name == Jiaowang.Web.Features.Accounts.Roles.Member));
            Assert.Equal(UnitKind.ChosenGroup, (await db.Units.SingleAsync(u => u.Name == UnitGroups.RelevantDistricts)).Kind);
        }
    }

    static async Task Start(TestDatabase database)
    {
        await using var factory = new JiaowangFactory(database, settings: WithDistricts);
        using var client = factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
