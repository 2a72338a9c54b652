using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Jiaowang.Web.Tests;
using Jiaowang.Web.Tests.AccountAdmin;

namespace Jiaowang.Cli.Tests;

/// <summary><c>jiaowang user import|list|reset</c> on the database a running app uses.</summary>
public sealed class UserAdminCommandTests : IAsyncLifetime
{
    TestDatabase database = null!;
    JiaowangFactory factory = null!;
    string folder = "";

    public async Task InitializeAsync()
    {
        database = TestDatabase.Sqlite();
        factory = new JiaowangFactory(database);
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/plans")).EnsureSuccessStatusCode();
        folder = Directory.CreateTempSubdirectory("jiaowang-cli-accounts").FullName;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    Task<Cli.Result> RunAsync(params string[] args) => Cli.RunAsync(args, environment: database.Environment);

    string Save(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task An_import_with_bad_cells_names_each_and_stores_nothing_and_the_fixed_sheet_opens_every_account()
    {
        var rows = AccountSheets.Liaisons("cli", ["市商务局", "市交通运输局"]);
        var bad = rows.ToList();
        bad[2] = bad[2] with { Unit = "市不存在局" };
        bad[5] = bad[5] with { UserName = "" };

        var refused = await RunAsync("user", "import", Save("bad.xlsx", AccountSheets.Write(bad)));

        Assert.Equal(2, refused.ExitCode);
        // Row 4 is the third account (row 1 is the header); the unit is column C, the user name column A.
        Assert.Contains("第 4 行 C 单位 列", refused.Error);
        Assert.Contains("市不存在局", refused.Error);
        Assert.Contains("第 7 行 A 用户名 列", refused.Error);
        Assert.Contains("一个账号也没有开设", refused.Error);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Users.AnyAsync(u => u.UserName!.StartsWith("cli-")));

        var imported = await RunAsync("user", "import", Save("good.xlsx", AccountSheets.Write(rows)));

        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(40, Regex.Matches(imported.Out, @"\bcli-\d\d\b.*\b[A-Za-z0-9]{16}\b").Count);
        var listed = await RunAsync("user", "list", "--unit", "市商务局", "--role", "liaison", "--q", "cli-");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("共 20 个账号", listed.Out);
        Assert.Contains("mustChangePassword", listed.Out);
    }

    [Fact]
    public async Task Reset_prints_a_one_time_password_once_that_must_be_changed_before_anything_else()
    {
        var user = await Accounts.CreateAsync(factory, Roles.Leader);

        var reset = await RunAsync("user", "reset", "--name", user.UserName!);

        Assert.Equal(0, reset.ExitCode);
        var oneTime = Regex.Match(reset.Out, @"一次性密码：([A-Za-z0-9]{16})").Groups[1].Value;
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = oneTime })).StatusCode);
        var unknown = await RunAsync("user", "reset", "--name", "ghost");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("ghost", unknown.Error);
    }
}
