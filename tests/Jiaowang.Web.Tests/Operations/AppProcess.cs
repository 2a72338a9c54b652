using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// The built web app run as its own process on a loopback port, with its own HOME (so nothing on disk, such as a
/// Data Protection key folder, is shared with another instance), as an operator would start a second instance.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    static readonly string WebDll = Find("src", "Jiaowang.Web", "Jiaowang.Web.dll");
    static readonly string CliDll = Find("src", "Jiaowang.Cli", "jiaowang.dll");

    readonly Process process;
    readonly StringBuilder log = new();
    readonly string home;

    public Uri Address { get; }
    public string Log { get { lock (log) return log.ToString(); } }

    AppProcess(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        home = Directory.CreateTempSubdirectory("jiaowang-instance-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(WebDll)!, "..", "..", "..")));
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment) => new(environment);

    /// <summary>Waits until <c>/readyz</c> answers 200 (at most ten minutes: a first start on a machine loaded far beyond its cores imports the bundled plan slowly), failing with the process's log if it stops or is not ready by then.</summary>
    public async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (true)
        {
            Assert.False(process.HasExited, $"the instance on {Address} stopped:\n{Log}");
            try
            {
                if ((await client.GetAsync("/readyz", deadline.Token)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Assert.False(deadline.IsCancellationRequested, $"the instance on {Address} was not ready after ten minutes:\n{Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits (at most two minutes) for the instance to stop by itself, and returns its exit code.</summary>
    public async Task<int> WaitExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = Address };

    /// <summary>Runs the <c>jiaowang</c> CLI on the same database.</summary>
    public static async Task<string> CliAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var cli = Process.Start(start)!;
        if (stdin is not null) await cli.StandardInput.WriteLineAsync(stdin);
        cli.StandardInput.Close();
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        Assert.True(cli.ExitCode == 0, $"jiaowang {string.Join(' ', args)}: {await error}");
        return await output;
    }

    static string Find(string folder, string project, string file)
    {
        // The test runs from tests/Jiaowang.Web.Tests/bin/<Configuration>/net10.0/; the app was built beside it.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder, project, "bin", configuration, "net10.0", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{file} not found; build the solution first.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
