using System.Diagnostics;
using Jiaowang.Core.Documents;

// Parses a plan document many times and compares with a bare baseline in the same run: reading the same text
// and splitting it into trimmed lines, which every parser must do at least. Prints one line per measurement.
var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "../../../../../src/Jiaowang.Web/Seed/wuhan-2026-26.txt");
var iterations = args.Length > 1 ? int.Parse(args[1]) : 2000;
var text = File.ReadAllText(path);

static (double Milliseconds, long Bytes) Measure(int iterations, Func<int> work)
{
    // Warm-up for a second: tiered compilation replaces the first code only after a while and in the background.
    for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(1);) work();
    GC.Collect();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    var sink = 0;
    for (var i = 0; i < iterations; i++) sink += work();
    clock.Stop();
    GC.KeepAlive(sink);
    return (clock.Elapsed.TotalMilliseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
}

var baseline = Measure(iterations, () => text.Split('\n').Select(l => l.Trim()).Count(l => l.Length > 0));
var parse = Measure(iterations, () => PlanDocumentParser.Parse(text).Targets.Count);
var json = Measure(iterations, () => PlanJson.Serialize(PlanDocumentParser.Parse(text)).Length);

Console.WriteLine($"document: {Path.GetFileName(path)} ({text.Length} chars), {iterations} iterations");
Console.WriteLine($"baseline split lines   {baseline.Milliseconds * 1000,10:F1} µs  {baseline.Bytes / 1024.0,8:F1} KiB/op  1.0x");
Console.WriteLine($"parse                  {parse.Milliseconds * 1000,10:F1} µs  {parse.Bytes / 1024.0,8:F1} KiB/op  {parse.Milliseconds / baseline.Milliseconds:F1}x");
Console.WriteLine($"parse + JSON           {json.Milliseconds * 1000,10:F1} µs  {json.Bytes / 1024.0,8:F1} KiB/op  {json.Milliseconds / baseline.Milliseconds:F1}x");
