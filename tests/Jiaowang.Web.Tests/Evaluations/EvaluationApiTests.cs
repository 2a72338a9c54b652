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
        // The office sees turnout as counts: never who voted.
        var turnoutJson = await office.GetStringAsync($"/api/evaluations/{id}/voters");
        Assert.DoesNotContain(name, turnoutJson);
        var turnout = JsonSerializer.Deserialize<TurnoutItem>(turnoutJson, JsonSerializerOptions.Web);
        Assert.Equal((2, 1), (turnout!.EligibleVoters, turnout.Voters));
        Assert.DoesNotContain(name, await office.GetStringAsync($"/api/evaluations/{id}"));
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
    public async Task Results_are_forbidden_to_everyone_until_the_close_then_show_tallies_and_rates_of_at_least_five_ballots()
    {
        using var office = await vote.App.OfficeAsync();
        using var leader = await vote.ClientAsync("leader");
        var members = new List<HttpClient>();
        for (var i = 0; i < 6; i++) members.Add((await vote.MemberAsync()).Client);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2));
        var (a, b) = (units[0], units[1]);
        // Unit a: 满意 ×3, 基本满意 ×2 → 满意率 60%, 满意及基本满意率 100%. Unit b: 满意, 基本满意, 不满意 ×3 → 20% and 40%.
        string[][] answers = [["satisfied", "satisfied"], ["satisfied", "dissatisfied"], ["basicallySatisfied", "dissatisfied"],
            ["satisfied", "basicallySatisfied"], ["basicallySatisfied", "dissatisfied"]];
        // Written in the order 甲, 乙; shown sorted by text (乙 U+4E59 before 甲 U+7532), not in the order they came in.
        string?[] comments = ["甲意见", null, "乙意见", null, null];
        for (var i = 0; i < 5; i++)
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
        Assert.Null(await InDbAsync(db => EvaluationQueries.LatestClosedResultsAsync(db, vote.App.PlanId, vote.Clock.Now, 5)));
        Assert.Equal(HttpStatusCode.Forbidden, (await members[0].PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = "想早点看结果" })).StatusCode);
        await vote.CloseEarlyAsync(office, id);
        var refused = await members[5].PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不再接受投票", await DetailAsync(refused));

        var results = await leader.GetFromJsonAsync<ResultsItem>($"/api/evaluations/{id}/results");

        Assert.Equal((6, 5), (results!.EligibleVoters, results.Voters));
        var ra = results.Units.Single(u => u.UnitId == a.Id);
        Assert.Equal((3, 2, 0, 5), (ra.Satisfied, ra.BasicallySatisfied, ra.Dissatisfied, ra.Ballots));
        Assert.Equal((0.6m, 1m), (ra.SatisfiedRate, ra.ApprovalRate));
        Assert.Equal(["乙意见", "甲意见"], ra.Comments);
        var rb = results.Units.Single(u => u.UnitId == b.Id);
        Assert.Equal((1, 1, 3, 0.2m, 0.4m), (rb.Satisfied, rb.BasicallySatisfied, rb.Dissatisfied, rb.SatisfiedRate, rb.ApprovalRate));
        var summary = await InDbAsync(db => EvaluationQueries.LatestClosedResultsAsync(db, vote.App.PlanId, vote.Clock.Now, 5));
        Assert.Equal(id, summary!.EvaluationId);
        Assert.Equal([a.Id, b.Id], summary.Units.Select(u => u.UnitId));
        Assert.Equal(3m / 5, summary.Units[0].SatisfiedRate);
        // The city-wide final summary the office downloads now carries the vote: turnout and each unit's tally.
        var lines = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{vote.App.PlanId}/summary.docx")).Split('\n').ToList();
        Assert.Contains("五、满意度测评情况", lines);
        Assert.Contains(lines, l => l.Contains("应参加测评6人，实际参加5人，共对2家单位作出评价"));
        Assert.Equal(["3", "2", "0", "60.0%", "100.0%"], lines.Skip(lines.LastIndexOf(a.Name) + 1).Take(5));
        Assert.Equal(["1", "1", "3", "20.0%", "40.0%"], lines.Skip(lines.LastIndexOf(b.Name) + 1).Take(5));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await vote.ClientAsync("liaison", "市交通运输局")).GetAsync($"/api/evaluations/{id}/results")).StatusCode);
    }

    [Fact]
    public async Task A_vote_closed_after_one_ballot_shows_nobody_that_ballot_not_the_results_nor_the_summary()
    {
        using var office = await vote.App.OfficeAsync();
        using var leader = await vote.ClientAsync("leader");
        var (_, member) = await vote.MemberAsync();
        var (_, other) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2));
        const string comment = "只有我一个人写的意见";
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots",
            VoteApp.Ballot(units, "dissatisfied", new() { [units[0].Id] = ("dissatisfied", comment) }))).StatusCode);

        // The office alone cannot end the vote: there is no close-now endpoint any more, and a request is not a close.
        Assert.NotEqual(HttpStatusCode.OK, (await office.PostAsync($"/api/evaluations/{id}/close", null)).StatusCode);
        var noReason = await office.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", await DetailAsync(noReason));
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = "会议提前" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/evaluations/{id}/close-request/confirm", null)).StatusCode);
        var pending = await office.GetFromJsonAsync<EvaluationItem>($"/api/evaluations/{id}");
        Assert.Equal("open", pending!.State);
        Assert.Equal("会议提前", pending.CloseRequest!.Reason);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/api/evaluations/{id}/results")).StatusCode);

        using var admin = await vote.ClientAsync("admin");
        var confirmed = await admin.PostAsync($"/api/evaluations/{id}/close-request/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units))).StatusCode);

        foreach (var client in new[] { office, leader, admin, member })
        {
            var results = await client.GetAsync($"/api/evaluations/{id}/results");
            Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
            var body = await results.Content.ReadAsStringAsync();
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("tooFewBallots", problem.RootElement.GetProperty("reason").GetString());
            Assert.Contains("少于 5 人", problem.RootElement.GetProperty("detail").GetString());
            Assert.DoesNotContain(comment, body);
            Assert.DoesNotContain("dissatisfied", body, StringComparison.OrdinalIgnoreCase);
        }
        // Below the minimum the answers are discarded at the seal: nothing is left to publish later, nor to read in the database.
        Assert.Equal(0, await InDbAsync(db => db.EvaluationAnswers.CountAsync(a => a.EvaluationId == id)));
        var withheld = await InDbAsync(db => EvaluationQueries.LatestClosedResultsAsync(db, vote.App.PlanId, vote.Clock.Now, 1));
        Assert.True(withheld!.TooFewBallots);
        Assert.Empty(withheld.Units);

        var lines = DocumentsData.Text(await office.GetByteArrayAsync($"/api/plans/{vote.App.PlanId}/summary.docx")).Split('\n').ToList();
        Assert.Contains("五、满意度测评情况", lines);
        Assert.Contains(lines, l => l.Contains("应参加测评2人，实际参加1人，参加人数少于5人，为保护投票人匿名，测评结果不予公布"));
        Assert.DoesNotContain(lines, l => l.Contains("满意及基本满意率"));
        Assert.DoesNotContain(lines, l => l.Contains("100.0%"));

        var audit = await InDbAsync(db => db.AuditEntries.Where(e => e.Entity == "Evaluation" && e.EntityId == id.ToString()).ToListAsync());
        // Both people are in the audit log: the office that asked (with its reason) and the admin who confirmed.
        Assert.Contains(audit, e => e.Action == "close-request" && e.Before!.Contains("\"closeRequestReason\":null") && !e.After!.Contains("\"closeRequestReason\":null"));
        var close = Assert.Single(audit, e => e.Action == "close");
        Assert.Contains("\"closedEarlyBy\":null", close.Before);
        Assert.DoesNotContain("\"closedEarlyBy\":null", close.After);
    }

    [Fact]
    public async Task Closing_early_takes_a_second_person_and_a_request_can_be_refused_or_lapse()
    {
        using var office = await vote.App.OfficeAsync();
        var (id, _) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(1), TimeSpan.FromDays(5));
        var adminUser = await Accounts.CreateAsync(vote.Factory, "admin");
        using var admin = await Accounts.BearerClientAsync(vote.Factory, adminUser.UserName!);
        using var otherAdmin = await vote.ClientAsync("admin");

        // An admin who asks cannot confirm their own request.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = "调整议程" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = "再申请一次" })).StatusCode);
        var own = await admin.PostAsync($"/api/evaluations/{id}/close-request/confirm", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("另一位管理员", await DetailAsync(own));
        // Another admin refuses it: nothing left to confirm, and the vote runs on.
        Assert.Equal(HttpStatusCode.NoContent, (await otherAdmin.PostAsync($"/api/evaluations/{id}/close-request/refuse", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await otherAdmin.PostAsync($"/api/evaluations/{id}/close-request/confirm", null)).StatusCode);

        // A request nobody confirms lapses after a day.
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/evaluations/{id}/close-request", new { reason = "会议提前" })).StatusCode);
        vote.Clock.Now = vote.Clock.Now.AddDays(1);
        using var nextDay = await vote.ClientAsync("admin");
        var lapsed = await nextDay.PostAsync($"/api/evaluations/{id}/close-request/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, lapsed.StatusCode);
        Assert.Contains("失效", await DetailAsync(lapsed));
        Assert.Equal("open", (await nextDay.GetFromJsonAsync<EvaluationItem>($"/api/evaluations/{id}"))!.State);

        // The vote's own records; every save also leaves its row changes (insert/update), which say less.
        var rowChanges = new[] { "insert", "update", "delete" };
        var actions = await InDbAsync(db => db.AuditEntries.Where(e => e.Entity == "Evaluation" && e.EntityId == id.ToString() && !rowChanges.Contains(e.Action))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["open", "close-request", "close-refused", "close-request"], actions);
    }

    [Fact]
    public async Task The_not_yet_message_gives_the_closing_time_in_Beijing_time_on_a_server_that_runs_in_UTC()
    {
        vote.Clock.Zone = TimeZoneInfo.Utc;
        using var office = await vote.App.OfficeAsync();
        // Opened 15 June 09:00 Beijing time, closing a day later: 16 June 09:00 Beijing time, 01:00 UTC.
        var (id, _) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(1));

        var early = await office.GetAsync($"/api/evaluations/{id}/results");

        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("北京时间 2026年6月16日 09:00", await DetailAsync(early));
        var english = await office.GetAsync($"/api/evaluations/{id}/results?culture=en");
        Assert.Contains("16 Jun 2026 09:00 Beijing time", await DetailAsync(english));
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
        // One ballot is fewer than the minimum: the results say only that.
        var results = await office.GetAsync($"/api/evaluations/{id}/results");
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        Assert.Contains("少于 5 人", await DetailAsync(results));
    }

    [Fact]
    public async Task A_vote_that_closes_by_its_time_is_sealed_by_the_background_job_without_anyone_opening_its_results()
    {
        using var office = await vote.App.OfficeAsync();
        var members = await vote.MembersAsync(5);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(2), TimeSpan.FromHours(2));
        foreach (var member in members)
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
        var others = await vote.MembersAsync(4);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(3));
        const string comment = "独一无二的意见内容";
        var ballot = VoteApp.Ballot(units, "basicallySatisfied", new() { [units[0].Id] = ("dissatisfied", comment) });
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", ballot)).StatusCode);
        // Four more ballots, all 满意 and without comments, so that the results open (at least five ballots).
        foreach (var other in others)
            Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units))).StatusCode);

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
        var cast = Assert.Single(audit, e => e.Action == "ballot" && e.Actor == name);
        Assert.Null(cast.Before);
        Assert.Null(cast.After);
        Assert.All(audit, e => Assert.DoesNotContain(comment, (e.Before ?? "") + (e.After ?? "")));
        Assert.All(audit, e => Assert.DoesNotContain("satisfied", (e.Before ?? "") + (e.After ?? ""), StringComparison.OrdinalIgnoreCase));
        var evaluation = await member.GetStringAsync($"/api/evaluations/{id}");
        Assert.DoesNotContain(comment, evaluation);

        // At the close the answers are rewritten under new keys, dropping the traces of the order they were stored in.
        await vote.CloseEarlyAsync(office, id);
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
