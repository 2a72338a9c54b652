// The dashboard's reading roll-up on a scaled database (issue 16; bench/scale.sh, docs/PERFORMANCE.md "Scale"): per
// plan, the median time of
//   bare       one indexed one-row query (the floor every figure is read against, same run, same connection),
//   scan       the full-scan GROUP BY over every reading (latest date and count per target) the issue quotes,
//   before     what TargetStates did until issue 16: read the plan's readings, pick each target's latest in memory,
//   rollup     what it reads now instead: the plan's TargetRollups rows, through the same join (one query, as "before"),
//   states     the whole of TargetStates.ForPlanAsync now: phases, targets, roll-ups, rules, and each status (4 queries),
//   dashboard  the whole dashboard model (DashboardQuery.LoadAsync, uncached: a dozen queries and the trends);
// then the portfolio itself (every plan's counts, uncached, in one read of each table) a few times.
// Usage: ScaleBench <Sqlite|Postgres> <connection string> [plans to sample, default 30] [rounds, default 5]
//        ScaleBench <Sqlite|Postgres> <connection string> --has-scale   exit code 0 when the scale plans are there
using System.Diagnostics;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var provider = args[0];
var connection = args[1];
var sample = args.Length > 2 && args[2] != "--has-scale" ? int.Parse(args[2]) : 30;
var rounds = args.Length > 3 ? int.Parse(args[3]) : 5;
var keys = Path.Combine(Path.GetTempPath(), $"scalebench-{Environment.ProcessId}");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider, ["ConnectionStrings:Jiaowang"] = connection,
    ["Audit:KeyFile"] = Path.Combine(keys, "audit.key"), ["Audit:AnchorFile"] = Path.Combine(keys, "audit.anchor"),
}).Build();
var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
services.AddJiaowangDatabase(configuration);
await using var root = services.BuildServiceProvider();
await using var scope = root.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
if (args.Length > 2 && args[2] == "--has-scale")
{
    try { return await db.Plans.AnyAsync(p => p.SourceName == DemoScale.SourceName) ? 0 : 1; }
    catch (Exception) { return 1; }
}
await db.Database.OpenConnectionAsync();

var today = new DateOnly(2026, 12, 1);
var clock = new FixedDay(today);
var plans = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
var picked = Enumerable.Range(0, sample).Select(i => plans[(int)((long)i * plans.Count / sample)]).Distinct().ToList();
Console.WriteLine($"{provider}: {await db.Readings.CountAsync():N0} readings, {await db.Targets.CountAsync():N0} targets, {plans.Count} plans; {picked.Count} plans × {rounds} rounds");

var cases = new (string Name, Func<int, Task> Run)[]
{
    ("bare", id => db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstAsync()),
    ("scan", _ => db.Readings.AsNoTracking().GroupBy(r => r.TargetId).Select(g => new { g.Key, Latest = g.Max(r => r.AsOf), Count = g.Count() }).ToListAsync()),
    ("before", async id =>
    {
        var readings = await db.Readings.AsNoTracking().Where(r => r.Target!.Group!.PlanId == id)
            .Select(r => new { r.Id, r.TargetId, r.Value, r.AsOf, r.Origin }).ToListAsync();
        _ = readings.GroupBy(r => r.TargetId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).First());
    }),
    ("rollup", id => db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == id)
        .Join(db.TargetRollups.AsNoTracking(), t => t.Id, r => r.TargetId, (t, r) => r).ToListAsync()),
    ("states", id => TargetStates.ForPlanAsync(db, id, today)),
    ("dashboard", id => DashboardQuery.LoadAsync(db, id, clock, new ReportingOptions())),
};
foreach (var (_, run) in cases) await run(picked[0]); // warm-up: EF's query compilation, the connection
var medians = new Dictionary<string, double>();
foreach (var (name, run) in cases)
{
    var times = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var id in name == "scan" ? picked.Take(3) : picked)
        {
            var watch = Stopwatch.StartNew();
            await run(id);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    times.Sort();
    medians[name] = times[times.Count / 2];
}
foreach (var (name, ms) in medians) Console.WriteLine($"{name,-10} {ms,9:0.00} ms   {ms / medians["bare"],8:0.0} × bare");

// The portfolio: every plan's counts, uncached (Supervision:CacheSeconds=0): the first run, then the median of the rest.
var uncached = new SupervisionCache(clock, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Supervision:CacheSeconds"] = "0" }).Build(),
    root.GetRequiredService<DatabaseVersion>());
var portfolioTimes = new List<double>();
var count = 0;
for (var round = 0; round < Math.Max(rounds, 2); round++)
{
    var whole = Stopwatch.StartNew();
    count = (await Jiaowang.Web.Features.Portfolio.PortfolioApi.LoadAsync(db, uncached, clock, new ReportingOptions(), CancellationToken.None)).Count;
    portfolioTimes.Add(whole.Elapsed.TotalMilliseconds);
}
var rest = portfolioTimes.Skip(1).Order().ToList();
Console.WriteLine($"portfolio  {rest[rest.Count / 2],9:0} ms   {rest[rest.Count / 2] / medians["bare"],8:0} × bare   {count} plans, uncached (first run {portfolioTimes[0]:0} ms)");
if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
return 0;

sealed class FixedDay(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
