namespace Jiaowang.Web.Data;

/// <summary>
/// A test-only stop inside a write's transaction, so that the crash tests can kill the process exactly there, without
/// guessing with timings. Off unless the environment variable <c>JIAOWANG_TEST_PAUSE_AT</c> names a point: the audit
/// record of the write as <c>Entity:action</c> (<c>Plan:insert</c>, <c>Attachment:attach</c>, <c>ReadingImport:import</c>,
/// <c>DemoRun:generate</c>…). The write then creates the file <c>JIAOWANG_TEST_PAUSE_MARKER</c> and waits for ever,
/// its rows written and its audit entries chained but not committed. Nothing in production sets the variable; with it
/// unset this costs one null check per save.
/// </summary>
public static class TestPause
{
    public const string PointVariable = "JIAOWANG_TEST_PAUSE_AT";
    public const string MarkerVariable = "JIAOWANG_TEST_PAUSE_MARKER";

    static readonly string? Point = Environment.GetEnvironmentVariable(PointVariable) is { Length: > 0 } p ? p : null;

    public static async Task AtAsync(IEnumerable<string> points)
    {
        if (Point is null || !points.Contains(Point, StringComparer.Ordinal)) return;
        var marker = Environment.GetEnvironmentVariable(MarkerVariable);
        if (!string.IsNullOrEmpty(marker)) await File.WriteAllTextAsync(marker, $"{Environment.ProcessId} {Point}");
        Console.Error.WriteLine($"{PointVariable}: paused at {Point} (process {Environment.ProcessId})");
        await Task.Delay(Timeout.Infinite);
    }
}
