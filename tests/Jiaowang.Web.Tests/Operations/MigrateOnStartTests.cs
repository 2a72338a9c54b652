using Jiaowang.Web.Data;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// With <c>Database:MigrateOnStart=false</c> (docs/DEPLOY.md: migrations run by <c>jiaowang db migrate</c> before the
/// service starts), an operator who forgot that step reads what to run, not an error from a table that does not exist.
/// </summary>
public sealed class MigrateOnStartTests
{
    [Fact]
    public async Task A_database_behind_the_build_stops_the_start_with_the_command_to_run()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = database.Environment;
        environment["Database__MigrateOnStart"] = "false";
        await using var app = AppProcess.Start(environment);

        var code = await app.WaitExitAsync();

        Assert.NotEqual(0, code);
        Assert.Contains("run `jiaowang db migrate` first", app.Log);
        Assert.DoesNotContain("DataProtectionKeys", app.Log);
    }
}
