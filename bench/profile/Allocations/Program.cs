// Where a running app's allocations come from: the runtime's AllocationTick events (one per ~100 KB allocated, with
// the type and the stack) summed by type and by frame, inclusive. Record them under load, then read:
//   dotnet-trace collect -p <pid> --providers "Microsoft-Windows-DotNETRuntime:0x1:5" --duration 00:00:00:08 -o alloc.nettrace
//   dotnet run -c Release --project bench/profile/Allocations -- alloc.nettrace [frames to list, 70]
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var byType = new Dictionary<string, long>();
var byFrame = new Dictionary<string, long>();
long total = 0;
foreach (var e in log.Events)
{
    if (e is not GCAllocationTickTraceData tick) continue;
    var size = tick.AllocationAmount64;
    total += size;
    var type = tick.TypeName ?? "?";
    byType[type] = byType.GetValueOrDefault(type) + size;
    // Each frame once per sample, however often it recurs on the stack: inclusive shares.
    var seen = new HashSet<string>();
    var depth = 0;
    for (var frame = e.CallStack(); frame is not null && depth < 40; frame = frame.Caller, depth++)
    {
        var method = frame.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(method) || !seen.Add(method)) continue;
        byFrame[method] = byFrame.GetValueOrDefault(method) + size;
    }
}
if (total == 0)
{
    Console.Error.WriteLine($"{args[0]} holds no allocation ticks: record it with the provider above.");
    return 1;
}
Console.WriteLine($"sampled {total / 1e6:F1} MB");
foreach (var (type, size) in byType.OrderByDescending(x => x.Value).Take(25)) Console.WriteLine($"{100.0 * size / total,5:F1} %  type  {type}");
var frames = args.Length > 1 ? int.Parse(args[1]) : 70;
foreach (var (method, size) in byFrame.OrderByDescending(x => x.Value).Take(frames)) Console.WriteLine($"{100.0 * size / total,5:F1} %  incl  {method[..Math.Min(method.Length, 160)]}");
return 0;
