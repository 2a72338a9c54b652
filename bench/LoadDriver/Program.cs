using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

// The load mix of bench/load.sh against a demo year (`jiaowang demo generate`, all demo accounts with one password):
// liaisons read their tasks and save their own draft, the office reads its review queue, leaders open the dashboard,
// anonymous visitors read the overview and the partner pages. Closed loop: each of the N connections sends its next
// request when the previous one answered. Afterwards every draft is read back, and the saves the server acknowledged
// are compared with the versions it stored (a lost write is an acknowledged save missing from the database).
//
//   LoadDriver <base url> <seconds> <connections> <demo password> [read-back base url]
var baseUrl = new Uri(args[0].TrimEnd('/') + "/");
var seconds = int.Parse(args[1]);
var connections = int.Parse(args[2]);
var password = args[3];
var readBack = new Uri((args.Length > 4 ? args[4] : args[0]).TrimEnd('/') + "/");

var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 8, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromSeconds(60),
};
var json = JsonSerializerOptions.Web;

async Task<string> TokenAsync(string user)
{
    using var response = await http.PostAsJsonAsync("api/auth/token", new { userName = user, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonObject>(json))!["accessToken"]!.GetValue<string>();
}

HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
{
    var request = new HttpRequestMessage(method, path);
    if (token is not null) request.Headers.Authorization = new("Bearer", token);
    if (body is not null) request.Content = JsonContent.Create(body, options: json);
    return request;
}

async Task<JsonNode> GetJsonAsync(string path, string? token)
{
    using var response = await http.SendAsync(Request(HttpMethod.Get, path, token));
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonNode>(json))!;
}

// --- Set-up: the accounts, one draft per liaison connection (its own unit and task, in the plan's last monthly period,
// which the demo year has not reached), the pages each role opens.
var plan = (await GetJsonAsync("api/plans", null)).AsArray()[0]!["id"]!.GetValue<int>();
// Monthly periods from the last: a draft goes into the latest one where the unit has no report for the task yet.
var periods = (await GetJsonAsync($"api/plans/{plan}/periods", await TokenAsync("demo-office"))).AsArray()
    .Where(p => p!["kind"]!.GetValue<string>() == "monthly").Select(p => p!["id"]!.GetValue<int>()).OrderDescending().ToList();
var units = (await GetJsonAsync("api/units", null)).AsArray().Select(u => u!["id"]!.GetValue<int>()).ToList();

var liaisonCount = connections / 2;
var officeCount = connections / 8;
var leaderCount = connections / 8;
var anonymousCount = connections - liaisonCount - officeCount - leaderCount;

var drafts = new List<Draft>();
foreach (var unit in units)
{
    if (drafts.Count == liaisonCount) break;
    string token;
    try { token = await TokenAsync($"demo-liaison-{unit:00}"); }
    catch (HttpRequestException) { continue; } // a unit without tasks has no demo liaison
    foreach (var task in (await GetJsonAsync("api/me/tasks", token)).AsArray())
    {
        if (drafts.Count == liaisonCount) break;
        foreach (var period in periods)
        {
            using var created = await http.SendAsync(Request(HttpMethod.Post, "api/reports", token,
                new { periodId = period, taskId = task!["id"]!.GetValue<int>(), text = "【压测】草稿 v1" }));
            if (created.StatusCode == HttpStatusCode.Conflict) continue;
            if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"draft for unit {unit}: {created.StatusCode}");
            var report = (await created.Content.ReadFromJsonAsync<JsonObject>(json))!;
            drafts.Add(new Draft(unit, token, report["id"]!.GetValue<int>(), report["version"]!.GetValue<int>()));
            break;
        }
    }
}
if (drafts.Count < liaisonCount) throw new InvalidOperationException($"only {drafts.Count} drafts for {liaisonCount} liaison connections");
var office = await TokenAsync("demo-office");
var leader = await TokenAsync("demo-leader");
var partners = (await GetJsonAsync("api/partners", null)).AsArray().Select(p => p!["id"]!.GetValue<int>()).Take(10).ToArray();
var submitted = (await GetJsonAsync("api/reports?state=accepted", office)).AsArray().Select(r => r!["id"]!.GetValue<int>()).Take(50).ToArray();

// --- The run.
var stats = new Dictionary<string, Stat>();
Stat StatFor(string name) { lock (stats) return stats.TryGetValue(name, out var s) ? s : stats[name] = new Stat(); }
var errors = new List<string>();
var stop = Stopwatch.StartNew();
var until = TimeSpan.FromSeconds(seconds);
// The first tenth (at most 30 s) warms the JIT and the caches: its requests are checked for errors but not timed.
var warmUp = TimeSpan.FromSeconds(Math.Min(30, seconds / 10.0));

async Task<bool> Send(string name, HttpRequestMessage request, HttpStatusCode expected = HttpStatusCode.OK, Action<string>? onBody = null)
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (stop.Elapsed > warmUp)
        {
            var stat = StatFor(name);
            lock (stat) stat.Latencies.Add(elapsed.TotalMilliseconds);
        }
        if (response.StatusCode != expected)
        {
            lock (errors) errors.Add($"{name} {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            return false;
        }
        onBody?.Invoke(body);
        return true;
    }
    catch (Exception e)
    {
        lock (errors) errors.Add($"{name} {e.GetType().Name}: {e.Message}");
        return false;
    }
    finally { request.Dispose(); }
}

async Task Liaison(Draft draft)
{
    for (var i = 0; stop.Elapsed < until; i++)
    {
        switch (i % 4)
        {
            case 0: await Send("liaison: GET /api/me/tasks", Request(HttpMethod.Get, "api/me/tasks", draft.Token)); break;
            case 1: await Send("liaison: GET /work", Request(HttpMethod.Get, "work", draft.Token)); break;
            case 2: await Send("liaison: GET /api/reports/{id}", Request(HttpMethod.Get, $"api/reports/{draft.Id}", draft.Token)); break;
            default:
                var text = $"【压测】草稿 v{draft.Version + 1}：已做工作、主要数据、存在问题、下一步。";
                await Send("liaison: PUT /api/reports/{id} (save draft)", Request(HttpMethod.Put, $"api/reports/{draft.Id}", draft.Token,
                    new { text, version = draft.Version }), onBody: body =>
                    {
                        draft.Version = JsonNode.Parse(body)!["version"]!.GetValue<int>();
                        draft.Saves++;
                    });
                break;
        }
    }
}

async Task Office(int seed)
{
    for (var i = seed; stop.Elapsed < until; i++)
    {
        switch (i % 3)
        {
            case 0: await Send("office: GET /api/reports?state=submitted", Request(HttpMethod.Get, "api/reports?state=submitted", office)); break;
            case 1: await Send("office: GET /office/review", Request(HttpMethod.Get, "office/review", office)); break;
            default: await Send("office: GET /api/reports/{id}", Request(HttpMethod.Get, $"api/reports/{submitted[i % submitted.Length]}", office)); break;
        }
    }
}

async Task Leader(int seed)
{
    for (var i = seed; stop.Elapsed < until; i++)
    {
        if (i % 2 == 0) await Send("leader: GET /dashboard", Request(HttpMethod.Get, "dashboard", leader));
        else await Send("leader: GET /api/plans/{id}/dashboard", Request(HttpMethod.Get, $"api/plans/{plan}/dashboard", leader));
    }
}

async Task Anonymous(int seed)
{
    for (var i = seed; stop.Elapsed < until; i++)
    {
        switch (i % 4)
        {
            case 0: await Send("anonymous: GET /", Request(HttpMethod.Get, "", null)); break;
            case 1: await Send("anonymous: GET /units/{id}", Request(HttpMethod.Get, $"units/{units[i % units.Count]}", null)); break;
            case 2: await Send("anonymous: GET /partners", Request(HttpMethod.Get, "partners", null)); break;
            default: await Send("anonymous: GET /partners/{id}", Request(HttpMethod.Get, $"partners/{partners[i % partners.Length]}", null)); break;
        }
    }
}

// The bare endpoint first, with the same connections for a tenth of the time (at least 5 s): on these shared machines
// absolute figures move with the neighbours' load, the share of what the bare host serves in the same run holds.
var bareFor = TimeSpan.FromSeconds(Math.Max(5, seconds / 10.0));
var bareLatencies = new List<double>();
var bareWatch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
{
    while (bareWatch.Elapsed < bareFor)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync("healthz");
        await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (bareWatch.Elapsed > bareFor / 5) lock (bareLatencies) bareLatencies.Add(elapsed);
    }
})));
var bareRate = bareLatencies.Count / (bareWatch.Elapsed.TotalSeconds * 0.8);

stop.Restart();
var workers = new List<Task>();
workers.AddRange(drafts.Select(d => Task.Run(() => Liaison(d))));
workers.AddRange(Enumerable.Range(0, officeCount).Select(i => Task.Run(() => Office(i))));
workers.AddRange(Enumerable.Range(0, leaderCount).Select(i => Task.Run(() => Leader(i))));
workers.AddRange(Enumerable.Range(0, anonymousCount).Select(i => Task.Run(() => Anonymous(i))));
await Task.WhenAll(workers);
var wall = stop.Elapsed.TotalSeconds - warmUp.TotalSeconds;

// --- Read back: every acknowledged save must be a stored version (read from the read-back instance, when given).
using var check = new HttpClient { BaseAddress = readBack };
var lost = 0;
var saves = 0;
foreach (var draft in drafts)
{
    using var request = Request(HttpMethod.Get, $"api/reports/{draft.Id}", draft.Token);
    using var response = await check.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var stored = (await response.Content.ReadFromJsonAsync<JsonObject>(json))!;
    var versions = stored["versions"]!.AsArray().Count;
    var expected = 1 + draft.Saves; // the version written at creation, then one per acknowledged save
    saves += draft.Saves;
    if (stored["version"]!.GetValue<int>() != draft.Version || versions != expected) lost += Math.Max(1, expected - versions);
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
var all = stats.Values.SelectMany(s => s.Latencies).Order().ToList();
Console.WriteLine($"connections: {connections} ({liaisonCount} liaisons, {officeCount} office, {leaderCount} leaders, {anonymousCount} anonymous), {wall:F0} s timed after {warmUp.TotalSeconds:F0} s of warm-up");
Console.WriteLine($"requests: {all.Count}, {all.Count / wall:F0} req/s; errors: {errors.Count}; latency p50 {Percentile(all, 0.5):F1} ms, p99 {Percentile(all, 0.99):F1} ms");
var bareSorted = bareLatencies.Order().ToList();
Console.WriteLine($"bare /healthz, same connections, same run: {bareRate:F0} req/s, p50 {Percentile(bareSorted, 0.5):F1} ms; the mix is {100 * all.Count / wall / bareRate:F1} % of it");
Console.WriteLine($"drafts saved: {saves} in {drafts.Count} drafts; lost writes: {lost} (acknowledged saves missing from the stored versions)");
Console.WriteLine();
Console.WriteLine("| request | count | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, stat) in stats.OrderBy(s => s.Key))
{
    var sorted = stat.Latencies.Order().ToList();
    Console.WriteLine($"| {name} | {sorted.Count} | {Percentile(sorted, 0.5):F1} | {Percentile(sorted, 0.99):F1} |");
}
foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10)) Console.Error.WriteLine($"  {error.Count()} × {error.Key}");
return errors.Count == 0 && lost == 0 ? 0 : 1;

sealed class Draft(int unit, string token, int id, int version)
{
    public int Unit { get; } = unit;
    public string Token { get; } = token;
    public int Id { get; } = id;
    public int Version { get; set; } = version;
    public int Saves { get; set; }
}

sealed class Stat
{
    public List<double> Latencies { get; } = [];
}
