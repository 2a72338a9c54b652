using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Evaluations;
using Jiaowang.Web.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Evaluations;

/// <summary>The satisfaction vote through its API, the same on SQLite and PostgreSQL.</summary>
public abstract class EvaluationApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    VoteApp vote = null!;
    public async Task InitializeAsync() => vote = await VoteApp.StartAsync(provider);
    public async Task DisposeAsync() => await vote.DisposeAsync();

    static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    async Task<T> InDbAsync<T>(Func<JiaowangDb, Task<T>> query)
    {
        await using var scope = vote.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<JiaowangDb>());
    }

    [Fact]
    public async Task Only_the_office_opens_an_evaluation_and_it_covers_every_unit_of_the_plan_by_default()
    {
        using var office = await vote.App.OfficeAsync();
        var request = new { planId = vote.App.PlanId, title = "测评", closesAt = vote.Clock.Now.AddDays(3) };
        foreach (var role in new[] { "member", "leader", "liaison" })
        {
            using var other = await vote.ClientAsync(role, role == "liaison" ? "市交通运输局" : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/evaluations", request)).StatusCode);
        }
        var past = await office.PostAsJsonAsync("/api/evaluations", request with { closesAt = vote.Clock.Now.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("截止时间须晚于现在", await DetailAsync(past));

        var (_, units) = await vote.OpenAsync(office);

        Assert.Equal(vote.App.UnitIds.Count, units.Count);
        // The ballot lists units as the plan does: task 1's lead unit first.
        var plan = await InDbAsync(db => EvaluationQueries.PlanUnitsAsync(db, vote.App.PlanId));
        Assert.Equal(plan.Select(u => u.Id), units.Select(u => u.Id));
        var opened = await InDbAsync(db => db.AuditEntries.Where(e => e.Entity == "Evaluation" && e.Action == "open").CountAsync());
        Assert.Equal(1, opened);
    }

    [Fact]
    public async Task A_member_casts_one_ballot_a_second_gets_409_and_the_receipt_repeats_nothing_of_it()
    {
        using var office = await vote.App.OfficeAsync();
        var (name, member) = await vote.MemberAsync();
        await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office);
        var comment = new Dictionary<int, (string, string?)> { [units[0].Id] = ("dissatisfied", "窗口服务态度有待改进") };

        var first = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, special: comment));
        var second = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "dissatisfied"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("窗口服务", receipt);
        Assert.DoesNotContain("satisfied", receipt, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已经投过票", await DetailAsync(second));
        Assert.Equal(units.Count, await InDbAsync(db => db.EvaluationAnswers.CountAsync(a => a.EvaluationId == id)));
        var turnout = await office.GetFromJsonAsync<TurnoutItem>($"/api/evaluations/{id}/voters");
        Assert.Equal((2, 1), (turnout!.EligibleVoters, turnout.Voters));
        Assert.Equal(name, Assert.Single(turnout.Voted).UserName);
        var mine = await member.GetFromJsonAsync<List<EvaluationItem>>("/api/evaluations");
        Assert.True(Assert.Single(mine!).Voted);
    }

    [Fact]
    public async Task A_ballot_must_answer_every_unit_once_and_only_members_on_the_list_may_vote()
    {
        using var office = await vote.App.OfficeAsync();
        var (_, member) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(3));
        using var liaison = await vote.ClientAsync("liaison", "市交通运输局");
        var (_, latecomer) = await vote.MemberAsync();

        var missing = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units.Take(2)));
        var unknownUnit = vote.App.UnitIds.Values.Except(units.Select(u => u.Id)).First();
        var unknown = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units.Append((unknownUnit, "?"))));
        var badAnswer = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "3"));
        var markup = await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots",
            VoteApp.Ballot(units, special: new() { [units[1].Id] = ("satisfied", "<img src=x onerror=alert(1)>") }));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains($"请为“{units[2].Name}”选择", await DetailAsync(missing));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains($"单位 {unknownUnit} 不在", await DetailAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, markup.StatusCode);
        Assert.Contains(units[1].Name, await DetailAsync(markup));
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units))).StatusCode);
        var late = await latecomer.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("投票人名单", await DetailAsync(late));
        Assert.Equal(0, await InDbAsync(db => db.EvaluationAnswers.CountAsync(a => a.EvaluationId == id)));
        Assert.Equal(0, await InDbAsync(db => db.EvaluationVoters.CountAsync(a => a.EvaluationId == id)));
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units))).StatusCode);
    }

    [Fact]
    public async Task Results_are_forbidden_to_everyone_until_the_office_closes_the_vote_then_show_tallies_and_rates()
    {
        using var office = await vote.App.OfficeAsync();
        using var leader = await vote.ClientAsync("leader");
        var members = new List<HttpClient>();
        for (var i = 0; i < 4; i++) members.Add((await vote.MemberAsync()).Client);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2));
        var (a, b) = (units[0], units[1]);
        // Unit a: 满意, 满意, 基本满意 → 满意率 2/3, 满意及基本满意率 100%. Unit b: 满意, 不满意, 不满意 → 1/3 and 1/3.
        string[][] answers = [["satisfied", "satisfied"], ["satisfied", "dissatisfied"], ["basicallySatisfied", "dissatisfied"]];
        // Written in the order 甲, 乙; shown sorted by text (乙 U+4E59 before 甲 U+7532), not in the order they came in.
        string?[] comments = ["甲意见", null, "乙意见"];
        for (var i = 0; i < 3; i++)
        {
            var ballot = VoteApp.Ballot(units, special: new() { [a.Id] = (answers[i][0], comments[i]), [b.Id] = (answers[i][1], null) });
            Assert.Equal(HttpStatusCode.Created, (await members[i].PostAsJsonAsync($"/api/evaluations/{id}/ballots", ballot)).StatusCode);
        }

        foreach (var client in new[] { office, leader, members[0] })
        {
            var early = await client.GetAsync($"/api/evaluations/{id}/results");
            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
            Assert.Contains("截止", await DetailAsync(early));
        }
        Assert.Null(await InDbAsync(db => EvaluationQueries.LatestClosedResultsAsync(db, vote.App.PlanId, vote.Clock.Now)));
        Assert.Equal(HttpStatusCode.Forbidden, (await members[0].PostAsync($"/api/evaluations/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/evaluations/{id}/close", null)).StatusCode);
        var refused = await members[3].PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不再接受投票", await DetailAsync(refused));

        var results = await leader.GetFromJsonAsync<ResultsItem>($"/api/evaluations/{id}/results");

        Assert.Equal((4, 3), (results!.EligibleVoters, results.Voters));
        var ra = results.Units.Single(u => u.UnitId == a.Id);
        Assert.Equal((2, 1, 0, 3), (ra.Satisfied, ra.BasicallySatisfied, ra.Dissatisfied, ra.Ballots));
        Assert.Equal((0.6667m, 1m), (ra.SatisfiedRate, ra.ApprovalRate));
        Assert.Equal(["乙意见", "甲意见"], ra.Comments);
        var rb = results.Units.Single(u => u.UnitId == b.Id);
        Assert.Equal((1, 0, 2, 0.3333m, 0.3333m), (rb.Satisfied, rb.BasicallySatisfied, rb.Dissatisfied, rb.SatisfiedRate, rb.ApprovalRate));
        var summary = await InDbAsync(db => EvaluationQueries.LatestClosedResultsAsync(db, vote.App.PlanId, vote.Clock.Now));
        Assert.Equal(id, summary!.EvaluationId);
        Assert.Equal([a.Id, b.Id], summary.Units.Select(u => u.UnitId));
        Assert.Equal(2m / 3, summary.Units[0].SatisfiedRate);
        // The city-wide final summary the office downloads now carries the vote: turnout and each unit's tally.
        var lines = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{vote.App.PlanId}/summary.docx")).Split('\n').ToList();
        Assert.Contains("四、满意度测评情况", lines);
        Assert.Contains(lines, l => l.Contains("应参加测评4人，实际参加3人，共对2家单位作出评价"));
        Assert.Equal(["2", "1", "0", "66.7%", "100.0%"], lines.Skip(lines.LastIndexOf(a.Name) + 1).Take(5));
        Assert.Equal(["1", "0", "2", "33.3%", "33.3%"], lines.Skip(lines.LastIndexOf(b.Name) + 1).Take(5));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await vote.ClientAsync("liaison", "市交通运输局")).GetAsync($"/api/evaluations/{id}/results")).StatusCode);
    }

    [Fact]
    public async Task A_ballot_before_the_closing_time_counts_and_one_after_it_is_refused()
    {
        using var office = await vote.App.OfficeAsync();
        var (_, early) = await vote.MemberAsync();
        var (_, late) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2), TimeSpan.FromHours(2));

        vote.Clock.Now = vote.Clock.Now.AddHours(2).AddSeconds(-1);
        var before = await early.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units));
        vote.Clock.Now = vote.Clock.Now.AddSeconds(1);
        var after = await late.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units));

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        var results = await office.GetFromJsonAsync<ResultsItem>($"/api/evaluations/{id}/results");
        Assert.Equal(1, results!.Voters);
        Assert.All(results.Units, u => Assert.Equal(1, u.Satisfied));
    }

    [Fact]
    public async Task A_vote_that_closes_by_its_time_is_sealed_by_the_background_job_without_anyone_opening_its_results()
    {
        using var office = await vote.App.OfficeAsync();
        var (_, member) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2), TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units))).StatusCode);
        var sealer = vote.Factory.Services.GetRequiredService<EvaluationSealer>();
        var stored = await InDbAsync(db => db.EvaluationAnswers.Where(a => a.EvaluationId == id).Select(a => a.Id).ToListAsync());

        Assert.Equal(0, await sealer.SealDueAsync());
        vote.Clock.Now = vote.Clock.Now.AddHours(2);
        Assert.Equal(1, await sealer.SealDueAsync());
        Assert.Equal(0, await sealer.SealDueAsync());

        Assert.NotNull(await InDbAsync(db => db.Evaluations.Where(e => e.Id == id).Select(e => e.SealedAt).SingleAsync()));
        var resealed = await InDbAsync(db => db.EvaluationAnswers.Where(a => a.EvaluationId == id).Select(a => a.Id).ToListAsync());
        Assert.Equal(stored.Count, resealed.Count);
        Assert.Empty(stored.Intersect(resealed));
    }

    [Fact]
    public async Task Two_ballots_from_the_same_member_at_the_same_moment_store_exactly_one()
    {
        using var office = await vote.App.OfficeAsync();
        var (name, _) = await vote.MemberAsync();
        using var first = await Accounts.BearerClientAsync(vote.Factory, name);
        using var second = await Accounts.BearerClientAsync(vote.Factory, name);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(5));

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "satisfied")),
            second.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "dissatisfied")));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await InDbAsync(db => db.EvaluationVoters.CountAsync(v => v.EvaluationId == id)));
        var stored = await InDbAsync(db => db.EvaluationAnswers.Where(a => a.EvaluationId == id).Select(a => a.Satisfaction).ToListAsync());
        Assert.Equal(units.Count, stored.Count);
        Assert.Single(stored.Distinct());
    }

    [Fact]
    public async Task Answers_are_stored_with_nothing_that_points_at_the_voter_and_the_audit_log_holds_who_but_not_what()
    {
        using var office = await vote.App.OfficeAsync();
        var (name, member) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(3));
        const string comment = "独一无二的意见内容";
        var ballot = VoteApp.Ballot(units, "basicallySatisfied", new() { [units[0].Id] = ("dissatisfied", comment) });
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", ballot)).StatusCode);

        var columns = await InDbAsync(db => db.Database.SqlQueryRaw<string>(provider == DatabaseProvider.Sqlite
            ? "SELECT name AS \"Value\" FROM pragma_table_info('EvaluationAnswers')"
            : "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'EvaluationAnswers'").ToListAsync());
        Assert.Equal(["Comment", "EvaluationId", "Id", "Satisfaction", "UnitId"], columns.Order(StringComparer.Ordinal));
        var foreignKeys = await InDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(EvaluationAnswer))!.GetForeignKeys()
            .Select(k => k.PrincipalEntityType.GetTableName()).Order().ToList()));
        Assert.Equal(["Evaluations", "Units"], foreignKeys);
        var ids = await InDbAsync(db => db.EvaluationAnswers.Where(a => a.EvaluationId == id).Select(a => a.Id).ToListAsync());
        // Random keys (version 4): a version 7 key would carry the instant of the vote.
        Assert.All(ids, key => Assert.Equal(4, key.Version));

        var audit = await InDbAsync(db => db.AuditEntries.Where(e => e.Entity == "Evaluation" && e.EntityId == id.ToString()).ToListAsync());
        var cast = Assert.Single(audit, e => e.Action == "ballot");
        Assert.Equal(name, cast.Actor);
        Assert.Null(cast.Before);
        Assert.Null(cast.After);
        Assert.All(audit, e => Assert.DoesNotContain(comment, (e.Before ?? "") + (e.After ?? "")));
        Assert.All(audit, e => Assert.DoesNotContain("satisfied", (e.Before ?? "") + (e.After ?? ""), StringComparison.OrdinalIgnoreCase));
        var evaluation = await member.GetStringAsync($"/api/evaluations/{id}");
        Assert.DoesNotContain(comment, evaluation);

        // At the close the answers are rewritten under new keys, dropping the traces of the order they were stored in.
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/evaluations/{id}/close", null)).StatusCode);
        var sealedIds = await InDbAsync(db => db.EvaluationAnswers.Where(a => a.EvaluationId == id).Select(a => a.Id).ToListAsync());
        Assert.Equal(ids.Count, sealedIds.Count);
        Assert.Empty(sealedIds.Intersect(ids));
        var results = await office.GetFromJsonAsync<ResultsItem>($"/api/evaluations/{id}/results");
        Assert.Equal([comment], results!.Units.Single(u => u.UnitId == units[0].Id).Comments);
        Assert.Equal(2, results.Units.Sum(u => u.BasicallySatisfied));
    }
}

public sealed class SqliteEvaluationApiTests() : EvaluationApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresEvaluationApiTests() : EvaluationApiTests(DatabaseProvider.Postgres);
