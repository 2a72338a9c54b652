// What the JIT compiled in a start, and for whom: each method's time from its MethodJittingStarted to its MethodLoadVerbose
// event on the same thread (traced time: type loading inside the compile counts, and a traced start runs slower than an
// untraced one), summed by kind and by the nearest frame of the app or of MVC's Razor on the stack that asked for it.
// Record one start (docs/PERFORMANCE.md, "Start-up"):
//   DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath=jit.nettrace \
//     DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0x10:5' <published>/Jiaowang.Web --contentRoot <published> ...
//   dotnet run -c Release --project bench/profile/Jit -- jit.nettrace [name filter, such as lambda_method]
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

var filter = args.Length > 1 ? args[1] : "";
var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var started = new Dictionary<int, (double At, string Name, TraceCallStack? Stack)>();
var compiled = new List<(string Name, string Tier, double Ms, string AskedBy)>();
foreach (var e in log.Events)
{
    if (e is MethodJittingStartedTraceData start)
    {
        started[start.ThreadID] = (start.TimeStampRelativeMSec, start.MethodNamespace + "::" + start.MethodName, start.CallStack());
        continue;
    }
    if (e is not MethodLoadUnloadVerboseTraceData loaded || !started.Remove(loaded.ThreadID, out var s)) continue;
    if (!s.Name.Contains(filter)) continue;
    compiled.Add((s.Name, loaded.OptimizationTier.ToString(), loaded.TimeStampRelativeMSec - s.At, AskedBy(s.Stack)));
}

Console.WriteLine($"{compiled.Count} methods, {compiled.Sum(c => c.Ms):F0} traced ms");
foreach (var tier in compiled.GroupBy(c => c.Tier)) Console.WriteLine($"  {tier.Key}: {tier.Count()} methods, {tier.Sum(c => c.Ms):F0} ms");
Console.WriteLine("\nBy kind (ms, methods):");
foreach (var kind in compiled.GroupBy(c => Kind(c.Name)).OrderByDescending(g => g.Sum(c => c.Ms)).Take(30))
    Console.WriteLine($"  {kind.Sum(c => c.Ms),7:F1} {kind.Count(),5}  {kind.Key}");
Console.WriteLine("\nBy the app's (or Razor's) frame that asked (ms, methods):");
foreach (var asker in compiled.GroupBy(c => c.AskedBy).OrderByDescending(g => g.Sum(c => c.Ms)).Take(30))
    Console.WriteLine($"  {asker.Sum(c => c.Ms),7:F1} {asker.Count(),5}  {asker.Key}");

// Delegates compiled from expression trees and reflection's invoke stubs are named by what they are, the rest by namespace.
static string Kind(string name) =>
    name.StartsWith("dynamicClass::lambda_method") ? "expression trees (lambda_method)"
    : name.StartsWith("dynamicClass::InvokeStub") ? "reflection invoke stubs"
    : name.StartsWith("dynamicClass") ? "other dynamic methods"
    : string.Join('.', name.Split("::")[0].Split('`')[0].Split('.').Take(3));

static string AskedBy(TraceCallStack? stack)
{
    for (var frame = stack; frame is not null; frame = frame.Caller)
    {
        var method = frame.CodeAddress.FullMethodName;
        if (method.StartsWith("Jiaowang") || method.StartsWith("Microsoft.AspNetCore.Mvc.Razor"))
            return method.Length > 110 ? method[..110] : method;
    }
    return "(no frame of the app)";
}
