using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using MimeKit;
using netDumbster.smtp;
using Npgsql;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// Two instances of the app, each its own process with its own HOME, on one PostgreSQL database, behave as one: they
/// start together on an empty database, a cookie from one is good on the other, a write on one (a reading, a place of
/// the services directory) shows on the other's cached public page, and the reminder job sends each reminder once.
/// </summary>
/// <summary>Both instances, started together on an empty database, shared by the tests of the class.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string Password = "Jiaowang-Cluster-2026";
    public TestDatabase Database { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public Dictionary<string, string> Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A database name that does not exist yet: the instances create it (once) before migrating it (once).
        Database = await TestDatabase.PostgresAsync(create: false);
        Smtp = SimpleSmtpServer.Start();
        Environment = new Dictionary<string, string>(Database.Environment)
        {
            ["Seed__Partners"] = "false",
            ["Accounts__RequireTwoFactorForStaff"] = "false",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Smtp.Configuration.Port.ToString(),
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "duban@jiaowang.test",
            // Every instance looks for due reminders each second; only the one that leads the job sends.
            ["Reminders__Interval"] = "00:00:01",
            ["Jobs__FirstRoundDelay"] = "00:00:00",
        };
        // Both at once, on a database not yet made: one migrates and imports the bundled plan, the other waits and finds it done.
        A = AppProcess.Start(Environment);
        B = AppProcess.Start(Environment);
        await Task.WhenAll(A.WaitReadyAsync(), B.WaitReadyAsync());
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Smtp.Stop();
        await Database.DisposeAsync();
    }
}

public sealed class TwoInstancesTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    const string Password = TwoInstances.Password;
    TestDatabase database => cluster.Database;
    SimpleSmtpServer smtp => cluster.Smtp;
    AppProcess a => cluster.A;
    AppProcess b => cluster.B;
    Dictionary<string, string> environment => cluster.Environment;

    [Fact]
    public async Task Two_instances_on_one_database_behave_as_one()
    {
        // Started together on an empty database: one of them migrated and imported, once; neither failed. (EF logs the
        // first read of the not-yet-created history table as a failed command: that is EF probing, not an error.)
        using var anonymousB = b.Client();
        var plans = await anonymousB.GetFromJsonAsync<List<JsonElement>>("/api/plans");
        var planId = Assert.Single(plans!).GetProperty("id").GetInt32();
        var logs = a.Log + b.Log;
        Assert.Equal(1, Regex.Count(logs, "Applied \\d+ migrations, "));
        Assert.Equal(1, Regex.Count(logs, "Loaded the bundled plan [^{]"));
        Assert.DoesNotContain("\"LogLevel\":\"Critical\"", logs);
        Assert.DoesNotContain("Unhandled exception", logs);

        // Signed in on A with the login form; the cookie opens a staff page on B (the key ring is in the database).
        await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "admin", "--name", "cluster-admin", "--password-stdin");
        var cookies = new CookieContainer();
        using var browserA = a.Client(cookies);
        var form = await browserA.GetStringAsync("/account/login");
        var token = Accounts.FormToken(form);
        var signIn = await browserA.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "cluster-admin", ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var browserB = b.Client(cookies);
        var onB = await browserB.GetAsync("/office/reminders");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        // The public plan is cached on B; a reading recorded on A shows there at once (B hears A's NOTIFY).
        var target = (await anonymousB.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("targets").EnumerateArray()
            .First(t => t.GetProperty("source").GetString() == "manual").GetProperty("id").GetInt32();
        Assert.Null(CurrentOf(await anonymousB.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}"), target));
        using var officeA = await BearerAsync(a);
        var recorded = await officeA.PostAsJsonAsync($"/api/targets/{target}/readings", new { value = 4321, asOf = "2026-06-01", source = "两实例测试" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(4321m, await EventuallyAsync(async () => CurrentOf(await anonymousB.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}"), target)));

        // A place the office edits on A shows on B's cached public page (家在武汉) as soon as B hears of it.
        var place = (await anonymousB.GetFromJsonAsync<JsonElement>("/api/services/places?lang=zh")).GetProperty("places")[0].GetProperty("id").GetInt32();
        var publicPage = $"/zh/services/places/{place}";
        const string NewHours = "周一至周五 8:30—17:30（两实例测试）";
        async Task<string> PublicTextAsync() => WebUtility.HtmlDecode(await anonymousB.GetStringAsync(publicPage));
        Assert.DoesNotContain(NewHours, await PublicTextAsync());
        var editor = $"/services/office/places/{place}?lang=en";
        var fields = FormFields(await browserA.GetStringAsync(editor), "Form.");
        fields.RemoveAll(f => f.Key == "Form.HoursZh");
        fields.Add(new("Form.HoursZh", NewHours));
        var edited = await browserA.PostAsync($"/services/office/places/{place}?handler=Save&lang=en", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.True(await EventuallyAsync(async () => (await PublicTextAsync()).Contains(NewHours) ? true : (bool?)null));

        // A reminder round with both running: a period due tomorrow, two liaisons with mail; each reminder is mailed once.
        await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "liaison", "--name", "cluster-jtj", "--unit", "市交通运输局", "--email", "jtj@wuhan.test", "--password-stdin");
        await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "liaison", "--name", "cluster-sw", "--unit", "市商务局", "--email", "sw@wuhan.test", "--password-stdin");
        Assert.Equal(HttpStatusCode.OK, (await officeA.GetAsync($"/api/plans/{planId}/periods")).StatusCode);
        await MakeAPeriodDueTomorrowAsync();
        var leaderRounds = await JobRoundsAsync("ok");
        var followerRounds = await JobRoundsAsync("follower");
        // Both instances have looked at least twice more since the period became due: one as leader, one as follower.
        await EventuallyAsync(async () => await JobRoundsAsync("ok") >= leaderRounds + 2 && await JobRoundsAsync("follower") >= followerRounds + 2 ? true : (bool?)null);

        var reminders = await RemindersAsync();
        Assert.NotEmpty(reminders);
        Assert.Equal(reminders.Count, reminders.Select(r => r.AutoKey).Distinct().Count());
        var mails = smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
        foreach (var address in new[] { "jtj@wuhan.test", "sw@wuhan.test" })
        {
            var expected = reminders.Count(r => r.EmailedTo == address);
            Assert.True(expected > 0, $"no reminder was mailed to {address}");
            Assert.Equal(expected, mails.Count(m => m.To.Mailboxes.Any(x => x.Address == address)));
        }

        // Both instances ran every job from the first second, and raced each other (and their own jobs) to make the plan's
        // reporting periods and the ladder's settings: a lost race is passed over, not logged as an error.
        var errors = Regex.Matches(a.Log + b.Log, "\"LogLevel\":\"(Error|Critical)\".{0,300}").Select(m => m.Value).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Metrics_are_served_to_this_machine_and_to_admins_not_to_visitors_through_the_proxy()
    {
        using var local = a.Client();
        var scraped = await local.GetStringAsync("/metrics");
        Assert.Contains("jiaowang_job_runs_total", scraped);
        // In seconds, with ASP.NET Core's own buckets: the streams' size limits (OperationsSetup.MetricStream) keep them.
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*le=\"0.005\"", scraped);

        // Through nginx on the same machine the request comes from loopback too, but carries X-Forwarded-For.
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var refused = await local.SendAsync(proxied);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{refused.StatusCode}");

        await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "admin", "--name", "metrics-admin", "--password-stdin");
        await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "office", "--name", "metrics-office", "--password-stdin");
        foreach (var (name, allowed) in new[] { ("metrics-admin", true), ("metrics-office", false) })
        {
            using var client = await BearerAsync(a, name);
            var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            var response = await client.SendAsync(request);
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal("ok", await local.GetStringAsync("/healthz"));
    }

    static decimal? CurrentOf(JsonElement plan, int target) =>
        plan.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == target).GetProperty("current") is { ValueKind: JsonValueKind.Number } v
            ? v.GetDecimal() : null;

    async Task<HttpClient> BearerAsync(AppProcess instance, string? name = null)
    {
        if (name is null)
        {
            name = $"office-{Guid.NewGuid():N}"[..20];
            await AppProcess.CliAsync(environment, Password, "user", "add", "--role", "office", "--name", name, "--password-stdin");
        }
        var client = instance.Client();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = name, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// What a browser would post back from a page's form: the anti-forgery token and every field whose name starts with
    /// <paramref name="prefix"/> (inputs with their value, checked boxes, textareas with their text), HTML-decoded.
    /// </summary>
    static List<KeyValuePair<string, string>> FormFields(string html, string prefix)
    {
        static string Attribute(string tag, string name) =>
            Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Regex.Matches(html, "<input\\b[^>]*>"))
        {
            var name = Attribute(input.Value, "name");
            // Each form of the page carries the token: one is enough (two would be read as one value "a,b").
            if (name == "__RequestVerificationToken" ? fields.Any(f => f.Key == name) : !name.StartsWith(prefix)) continue;
            if (Attribute(input.Value, "type") == "checkbox" && !Regex.IsMatch(input.Value, "\\schecked\\b")) continue;
            fields.Add(new(name, Attribute(input.Value, "value")));
        }
        foreach (Match area in Regex.Matches(html, "<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline))
        {
            var name = Attribute(area.Groups[1].Value, "name");
            // The HTML parser drops one newline right after <textarea>, which Razor writes.
            if (name.StartsWith(prefix)) fields.Add(new(name, WebUtility.HtmlDecode(Regex.Replace(area.Groups[2].Value, "^\\r?\\n", ""))));
        }
        return fields;
    }

    /// <summary>Asks again until the answer is there: another process's signal arrives a moment after the write (at most 30 s).</summary>
    static async Task<T> EventuallyAsync<T>(Func<Task<T?>> ask) where T : struct
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await ask() is { } answer) return answer;
            Assert.True(attempt < 300, "no answer within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Rounds of the reminder job with this outcome, summed over both instances, from their /metrics on loopback.</summary>
    async Task<double> JobRoundsAsync(string outcome)
    {
        double total = 0;
        foreach (var instance in new[] { a, b })
        {
            using var client = instance.Client();
            var text = await client.GetStringAsync("/metrics");
            var line = Regex.Match(text, $"^jiaowang_job_runs_total{{[^}}]*job=\"reminders\"[^}}]*outcome=\"{outcome}\"[^}}]*}} (\\S+)", RegexOptions.Multiline);
            if (!line.Success) line = Regex.Match(text, $"^jiaowang_job_runs_total{{[^}}]*outcome=\"{outcome}\"[^}}]*job=\"reminders\"[^}}]*}} (\\S+)", RegexOptions.Multiline);
            if (line.Success) total += double.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }

    async Task MakeAPeriodDueTomorrowAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            "UPDATE \"Periods\" SET \"Start\" = @start, \"Deadline\" = @deadline WHERE \"Id\" = (SELECT min(\"Id\") FROM \"Periods\" WHERE \"Kind\" = (SELECT min(\"Kind\") FROM \"Periods\"))",
            connection);
        update.Parameters.AddWithValue("start", today.AddDays(-5));
        update.Parameters.AddWithValue("deadline", today.AddDays(1));
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    sealed record ReminderRow(string? AutoKey, string? EmailedTo);

    async Task<List<ReminderRow>> RemindersAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT \"AutoKey\", \"EmailedTo\" FROM \"Reminders\" WHERE \"AutoKey\" IS NOT NULL", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync()) rows.Add(new ReminderRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rows;
    }
}
