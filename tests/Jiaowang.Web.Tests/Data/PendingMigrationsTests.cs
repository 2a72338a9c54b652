using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Tests.Data;

/// <summary>
/// Every start, <c>jiaowang db migrate</c> and <c>/readyz</c> ask which migrations the database lacks with one plain
/// query on EF's history table (<see cref="DatabaseStartup.PendingAsync"/>) instead of EF's own check, which builds a
/// model first. It must answer what EF answers: everything on a new database, nothing on a current one, and exactly the
/// missing one on a database one migration behind.
/// </summary>
public sealed class PendingMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_start_up_check_finds_what_the_database_lacks_as_EF_does(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var db = database.Open();
        var all = db.Database.GetMigrations().ToList();

        Assert.Equal(all, await DatabaseStartup.PendingAsync(db));

        await db.Database.MigrateAsync();
        Assert.Empty(await DatabaseStartup.PendingAsync(db));

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {0}", all[^1]);
        Assert.Equal([all[^1]], await DatabaseStartup.PendingAsync(db));
        Assert.Equal(await db.Database.GetPendingMigrationsAsync(), await DatabaseStartup.PendingAsync(db));
    }
}
