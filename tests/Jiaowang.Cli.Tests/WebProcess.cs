using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Jiaowang.Cli.Tests;

/// <summary>The real web app (<c>Jiaowang.Web.dll</c>) started as its own process on a loopback port, so that a test can kill it.</summary>
public static class WebProcess
{
    static readonly string Program = FindProgram();

    static string FindProgram()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Jiaowang.Web", "bin", configuration, "net10.0", "Jiaowang.Web.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Jiaowang.Web.dll not found; build the solution first.");
    }

    /// <summary>How to start the app on <paramref name="port"/> with the database's settings and no background writers.</summary>
    public static ProcessStartInfo StartInfo(IDictionary<string, string> environment, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(Program)! };
        start.ArgumentList.Add(Program);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Seed__BundledPlan"] = "false";
        // The crash tests compare row counts around a request they kill: no background round (reminders, the escalation
        // ladder, which the real clock finds far behind, the registry sync, notifications) may write meanwhile.
        start.Environment["Reminders__Automatic"] = "false";
        start.Environment["Ladder__Automatic"] = "false";
        start.Environment["Jobs__FirstRoundDelay"] = "01:00:00";
        start.Environment["Accounts__RequireTwoFactorForStaff"] = "false";
        start.Environment["Accounts__AccessTokenMinutes"] = "480";
        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until the app answers /healthz (it migrates and loads its caches first).</summary>
    public static async Task<HttpClient> ReadyAsync(Process process, int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(process.HasExited, "the app ended while starting");
            try
            {
                if ((await client.GetAsync("/healthz", timeout.Token)).IsSuccessStatusCode) return client;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    public static async Task<HttpClient> SignedInAsync(int port, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = await response.Content.ReadFromJsonAsync<Token>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    sealed record Token(string AccessToken);
}
