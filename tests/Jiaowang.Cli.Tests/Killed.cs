using System.Diagnostics;
using Jiaowang.Web.Data;

namespace Jiaowang.Cli.Tests;

/// <summary>
/// A process started with <see cref="TestPause"/> set: it writes the marker when it reaches the named point inside its
/// transaction and waits there, and the test kills it with SIGKILL at that moment, as a power cut or the OOM killer would.
/// </summary>
public sealed class Killed : IDisposable
{
    readonly Process process;
    readonly string marker = Path.Combine(Path.GetTempPath(), "jiaowang-tests", $"pause-{Guid.NewGuid():N}");
    readonly Task<string> error;

    Killed(ProcessStartInfo start, string point)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        start.Environment[TestPause.PointVariable] = point;
        start.Environment[TestPause.MarkerVariable] = marker;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the process; it pauses at <paramref name="point"/> once something makes it write there.</summary>
    public static Killed Start(ProcessStartInfo start, string point) => new(start, point);

    public Process Process => process;

    /// <summary>Waits for the pause, then sends SIGKILL and waits for the process to be gone.</summary>
    public async Task KillAtPauseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!File.Exists(marker))
        {
            if (process.HasExited) Assert.Fail($"The process ended (exit {process.ExitCode}) before reaching the pause: {await error}");
            await Task.Delay(50, timeout.Token);
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, process.ExitCode);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        if (File.Exists(marker)) File.Delete(marker);
    }
}
