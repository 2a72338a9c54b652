using System.Net;
using System.Net.Sockets;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>An operator who got the connection string wrong reads one sentence saying what to check, not a stack trace.</summary>
public sealed class DatabaseUnreachableTests
{
    [Fact]
    public async Task A_server_that_does_not_answer_stops_the_app_with_one_plain_line()
    {
        // A loopback port nobody listens on: the PostgreSQL server is "down".
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Jiaowang"] = $"Host=127.0.0.1;Port={port};Username=jiaowang;Password=secret-never-shown;Database=jiaowang",
        });
        var code = await app.WaitExitAsync();
        Assert.NotEqual(0, code);
        Assert.Contains($"Cannot connect to PostgreSQL database \"jiaowang\" on 127.0.0.1:{port} as \"jiaowang\"", app.Log);
        Assert.Contains("is the server running", app.Log);
        Assert.DoesNotContain("Unhandled exception", app.Log);
        Assert.DoesNotContain("   at ", app.Log);
        Assert.DoesNotContain("secret-never-shown", app.Log);
    }
}
