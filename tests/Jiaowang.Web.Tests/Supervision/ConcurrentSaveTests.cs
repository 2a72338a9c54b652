using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>
/// Two people saving one report at the same moment: one save wins, the others are told to reload, none fails, and the
/// operator's log shows no error for it (docs/OPERATIONS.md, "Logs").
/// </summary>
public abstract class ConcurrentSaveTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    readonly LoggedEntries logged = new();
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider, services => services.AddSingleton<ILoggerProvider>(logged));
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Eight_writers_saving_one_report_at_once_get_one_200_and_409s_and_no_update_is_lost()
    {
        var liaisons = new List<HttpClient>();
        for (var i = 0; i < 8; i++) liaisons.Add((await app.LiaisonAsync("市交通运输局")).Client);
        var created = await liaisons[0].PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "初稿" });
        int id;
        using (var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync())) id = json.RootElement.GetProperty("id").GetInt32();

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 10; round++)
        {
            using var current = JsonDocument.Parse(await liaisons[0].GetStringAsync($"/api/reports/{id}"));
            var version = current.RootElement.GetProperty("version").GetInt32();
            var saves = await Task.WhenAll(liaisons.Select((client, writer) =>
                client.PutAsJsonAsync($"/api/reports/{id}", new { text = $"第 {round} 轮，第 {writer} 人", version })));
            statuses.AddRange(saves.Select(s => s.StatusCode));
            Assert.Single(saves, s => s.StatusCode == HttpStatusCode.OK);
            foreach (var lost in saves.Where(s => s.StatusCode != HttpStatusCode.OK))
            {
                Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
                Assert.Contains("\"title\"", await lost.Content.ReadAsStringAsync());
            }
        }

        // Every round kept exactly one save: the report moved one version per round.
        using var final = JsonDocument.Parse(await liaisons[0].GetStringAsync($"/api/reports/{id}"));
        Assert.Equal(11, final.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        // 70 lost races, and not one warning or error among them.
        Assert.Empty(logged.AtLeast(LogLevel.Warning));
        foreach (var client in liaisons) client.Dispose();
    }

    [Fact]
    public async Task One_member_sending_the_same_ballot_eight_times_at_once_casts_one_ballot_and_gets_409s()
    {
        // Its own app with a movable clock, as the vote tests use.
        var voteLog = new LoggedEntries();
        await using var vote = await Evaluations.VoteApp.StartAsync(provider, services => services.AddSingleton<ILoggerProvider>(voteLog));
        var (_, member) = await vote.MemberAsync();
        using var office = await vote.ClientAsync("office");
        var (id, units) = await vote.OpenAsync(office);

        var casts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", Evaluations.VoteApp.Ballot(units))));

        Assert.Single(casts, c => c.StatusCode == HttpStatusCode.Created);
        Assert.All(casts.Where(c => c.StatusCode != HttpStatusCode.Created), c => Assert.Equal(HttpStatusCode.Conflict, c.StatusCode));
        using var turnout = JsonDocument.Parse(await office.GetStringAsync($"/api/evaluations/{id}/voters"));
        Assert.Equal(1, turnout.RootElement.GetProperty("voters").GetInt32());
        Assert.Empty(voteLog.AtLeast(LogLevel.Warning));
    }
}

public sealed class SqliteConcurrentSaveTests() : ConcurrentSaveTests(DatabaseProvider.Sqlite);
public sealed class PostgresConcurrentSaveTests() : ConcurrentSaveTests(DatabaseProvider.Postgres);
