using System.Net;
using System.Net.Http.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Tests;

namespace Jiaowang.Cli.Tests;

public sealed class UserAddCommandTests
{
    // The database and its own audit key and anchor.
    static Dictionary<string, string> EnvironmentFor(TestDatabase database) => database.Environment;

    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_with_a_password_from_stdin()
    {
        await using var database = TestDatabase.Sqlite();
        var added = await Cli.RunAsync(["user", "add", "--role", "admin", "--name", "chief", "--password-stdin"],
            environment: EnvironmentFor(database), stdin: "Chief-Password-2026\n");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已创建账号 chief（角色 admin", added.Out);
        Assert.DoesNotContain("Chief-Password-2026", added.Out);

        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = await Accounts.BearerClientAsync(factory, "chief", "Chief-Password-2026");
        Assert.Equal("admin", (await client.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.Role);
    }

    [Fact]
    public async Task Without_a_password_a_one_time_password_is_printed_once()
    {
        await using var database = TestDatabase.Sqlite();
        var added = await Cli.RunAsync(["user", "add", "--role", "office", "--name", "clerk"], culture: "en_US.UTF-8", environment: EnvironmentFor(database));

        Assert.Equal(0, added.ExitCode);
        var oneTime = added.Out.Split("One-time password: ")[1][..16];
        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = factory.CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = "clerk", password = oneTime });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode); // right password, but it must be changed first
    }

    [Fact]
    public async Task A_liaison_is_bound_to_a_unit_of_the_plan()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        await Cli.RunAsync(["plan", "import", Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath)], environment: environment);

        var missingUnit = await Cli.RunAsync(["user", "add", "--role", "liaison", "--name", "li"], environment: environment);
        var unknownUnit = await Cli.RunAsync(["user", "add", "--role", "liaison", "--name", "li", "--unit", "市外星局"], culture: "en_US.UTF-8", environment: environment);
        var added = await Cli.RunAsync(["user", "add", "--role", "liaison", "--name", "li", "--unit", "市商务局", "--password-stdin"],
            environment: environment, stdin: "Liaison-Pass-2026\n");

        Assert.Equal(2, missingUnit.ExitCode);
        Assert.Contains("--unit", missingUnit.Error);
        Assert.Equal(2, unknownUnit.ExitCode);
        Assert.Contains("市外星局", unknownUnit.Error);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("单位 市商务局", added.Out);
    }

    [Fact]
    public async Task An_unknown_role_and_a_taken_name_exit_2()
    {
        await using var database = TestDatabase.Sqlite();
        var environment = EnvironmentFor(database);
        await Cli.RunAsync(["user", "add", "--role", "member", "--name", "wang"], environment: environment);

        var badRole = await Cli.RunAsync(["user", "add", "--role", "boss", "--name", "zhang"], culture: "en_US.UTF-8", environment: environment);
        var taken = await Cli.RunAsync(["user", "add", "--role", "member", "--name", "wang"], environment: environment);

        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("boss", badRole.Error);
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("“wang”已被使用", taken.Error);
    }
}
