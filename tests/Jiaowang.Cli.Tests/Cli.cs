using System.Diagnostics;

namespace Jiaowang.Cli.Tests;

/// <summary>Runs the real <c>jiaowang</c> program in its own process, as a person or a script would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    static readonly string Program = FindProgram();

    static string FindProgram()
    {
        // ./test.sh runs the command as published ahead of time (ReadyToRun), as docs/DEPLOY.md installs it: each of
        // the suite's ~70 starts then skips most of the JIT. Without it, the build output beside the tests.
        if (Environment.GetEnvironmentVariable("JIAOWANG_CLI") is { Length: > 0 } published)
            return File.Exists(published) ? published : throw new FileNotFoundException($"JIAOWANG_CLI: {published} not found.");
        // The test runs from tests/Jiaowang.Cli.Tests/bin/<Configuration>/net10.0/; the CLI was built beside it.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Jiaowang.Cli", "bin", configuration, "net10.0", "jiaowang.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("jiaowang.dll not found; build the solution first.");
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args, string culture = "zh_CN.UTF-8", IDictionary<string, string>? environment = null, string? stdin = null)
    {
        var start = StartInfo(args, culture, environment);
        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>How the program is started, for tests that start it themselves (and kill it).</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string culture = "zh_CN.UTF-8", IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["LANG"] = culture;
        start.Environment["LC_ALL"] = culture;
        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }
}
