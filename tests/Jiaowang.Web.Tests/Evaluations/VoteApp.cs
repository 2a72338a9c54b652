using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Evaluations;

/// <summary>A clock the test moves forward, to pass an evaluation's closing time.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    /// <summary>The server's own zone; set it to UTC to run as a server in a container usually does.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => Zone;
}

/// <summary>The Wuhan plan with a clock the test controls, and helpers to open an evaluation and vote in it.</summary>
public sealed class VoteApp : IAsyncDisposable
{
    public SupervisionApp App { get; private set; } = null!;
    public MovableClock Clock { get; } = new(JiaowangFactory.Today);
    public JiaowangFactory Factory => App.Factory;

    public static async Task<VoteApp> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var vote = new VoteApp();
        vote.App = await SupervisionApp.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(vote.Clock);
            configure?.Invoke(services);
        });
        return vote;
    }

    public async Task<(string Name, HttpClient Client)> MemberAsync()
    {
        var member = await Accounts.CreateAsync(Factory, "member");
        return (member.UserName!, await Accounts.BearerClientAsync(Factory, member.UserName!));
    }

    /// <summary>
    /// Closes the vote early the only way there is: the office asks with a reason, then an admin (a second person)
    /// confirms.
    /// </summary>
    public async Task CloseEarlyAsync(HttpClient office, int id, string reason = "常委会会议提前召开")
    {
        (await office.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason })).EnsureSuccessStatusCode();
        using var admin = await ClientAsync("admin");
        (await admin.PostAsync($"/api/evaluations/{id}/close-request/confirm", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Several members, to be on the list when the next vote opens.</summary>
    public async Task<List<HttpClient>> MembersAsync(int count)
    {
        var members = new List<HttpClient>();
        for (var i = 0; i < count; i++) members.Add((await MemberAsync()).Client);
        return members;
    }

    public async Task<HttpClient> ClientAsync(string role, string? unit = null)
    {
        var user = await Accounts.CreateAsync(Factory, role, unit);
        return await Accounts.BearerClientAsync(Factory, user.UserName!);
    }

    /// <summary>Opens an evaluation closing in a day (or <paramref name="closesIn"/>); returns its id and the units on its ballot in order.</summary>
    public async Task<(int Id, List<(int Id, string Name)> Units)> OpenAsync(HttpClient office, IEnumerable<int>? unitIds = null, TimeSpan? closesIn = null)
    {
        var response = await office.PostAsJsonAsync("/api/evaluations", new
        {
            planId = App.PlanId, title = "2026年度满意度测评", closesAt = Clock.Now + (closesIn ?? TimeSpan.FromDays(1)), unitIds = unitIds?.ToList(),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var units = body.RootElement.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("id").GetInt32(), u.GetProperty("name").GetString()!)).ToList();
        return (body.RootElement.GetProperty("id").GetInt32(), units);
    }

    /// <summary>A ballot answering every unit with the same answer unless told otherwise.</summary>
    public static object Ballot(IEnumerable<(int Id, string Name)> units, string answer = "satisfied", Dictionary<int, (string Answer, string? Comment)>? special = null) => new
    {
        answers = units.Select(u => special is not null && special.TryGetValue(u.Id, out var s)
            ? new { unitId = u.Id, satisfaction = s.Answer, comment = s.Comment }
            : new { unitId = u.Id, satisfaction = answer, comment = (string?)null }).ToList(),
    };

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
