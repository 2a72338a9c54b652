using System.Net;
using System.Net.Http.Json;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Tests;

namespace Jiaowang.Cli.Tests;

public sealed class UserDisableCommandTests
{
    static Dictionary<string, string> EnvironmentFor(TestDatabase database) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__Jiaowang"] = database.ConnectionString,
    };

    [Fact]
    public async Task Disabling_a_user_ends_their_tokens_at_once_and_enabling_lets_them_sign_in_again()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        var user = await Accounts.CreateAsync(factory, Roles.Leader);
        using var script = await Accounts.BearerClientAsync(factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);

        var disabled = await Cli.RunAsync(["user", "disable", "--name", user.UserName!], environment: EnvironmentFor(database));
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains(user.UserName!, disabled.Out);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password })).StatusCode);

        var enabled = await Cli.RunAsync(["user", "enable", "--name", user.UserName!], environment: EnvironmentFor(database));
        Assert.Equal(0, enabled.ExitCode);
        using var again = await Accounts.BearerClientAsync(factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_unknown_name_exits_2_naming_it()
    {
        await using var database = TestDatabase.Sqlite();
        var result = await Cli.RunAsync(["user", "disable", "--name", "ghost"], culture: "en_US.UTF-8", environment: EnvironmentFor(database));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ghost", result.Error);
    }
}
