using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Tests.Evaluations;

/// <summary>The office's and members' vote pages, through real forms with their antiforgery tokens.</summary>
public sealed class EvaluationPageTests : IAsyncLifetime
{
    VoteApp vote = null!;
    public async Task InitializeAsync() => vote = await VoteApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await vote.DisposeAsync();

    async Task<(string Name, HttpClient Client)> CookieAsync(string role)
    {
        var user = await Accounts.CreateAsync(vote.Factory, role);
        return (user.UserName!, await Accounts.CookieClientAsync(vote.Factory, user.UserName!));
    }

    [Fact]
    public async Task The_office_opens_an_evaluation_on_chosen_units_through_the_form_and_sees_the_turnout_as_a_count_only()
    {
        // The server runs in UTC, as in a container; the form still reads Beijing time, as it says.
        vote.Clock.Zone = TimeZoneInfo.Utc;
        var (_, office) = await CookieAsync("office");
        var (memberName, member) = await CookieAsync("member");
        await CookieAsync("member");
        var form = await office.GetStringAsync("/evaluations/new");
        Assert.Contains("全选", form);
        Assert.Contains("市交通运输局", form);
        var chosen = vote.App.UnitIds.Where(u => u.Key is "市交通运输局" or "市商务局").ToList();
        var fields = new Dictionary<string, string>
        {
            ["PlanId"] = vote.App.PlanId.ToString(), ["Title"] = "年中测评", ["ClosesAt"] = "2026-06-20T18:00",
        };
        var content = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(chosen.Select(u => new KeyValuePair<string, string>("UnitIds", u.Value.ToString()))).ToList();
        var token = Accounts.FormToken(form);
        content.Add(new("__RequestVerificationToken", token));

        var opened = await office.PostAsync("/evaluations/new", new FormUrlEncodedContent(content));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var id = int.Parse(Regex.Match(opened.Headers.Location!.OriginalString, @"/evaluations/(\d+)").Groups[1].Value);
        using var api = await vote.App.OfficeAsync();
        var item = await api.GetFromJsonAsync<Jiaowang.Web.Features.Evaluations.EvaluationItem>($"/api/evaluations/{id}");
        Assert.Equal(chosen.Select(u => u.Value).Order(), item!.Units.Select(u => u.Id).Order());
        // 18:00 Beijing time is 10:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 10, 0, 0, TimeSpan.Zero), item.ClosesAt);

        var ballot = new Dictionary<string, string>();
        for (var i = 0; i < item.Units.Count; i++)
        {
            ballot[$"Answers[{i}].UnitId"] = item.Units[i].Id.ToString();
            ballot[$"Answers[{i}].Satisfaction"] = "satisfied";
            ballot[$"Answers[{i}].Comment"] = "只给办公室看不到的意见";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(member, $"/evaluations/{id}/ballot", ballot)).StatusCode);

        var turnout = await office.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("1 / 2 人已投票", turnout);
        Assert.DoesNotContain(memberName, turnout);
        Assert.Contains("截止时间 北京时间 2026年6月20日 18:00", turnout);
        Assert.DoesNotContain("只给办公室看不到的意见", turnout);
        Assert.Contains("1 / 2 人已投票", await office.GetStringAsync("/evaluations"));
        var english = await office.GetStringAsync($"/evaluations/{id}?culture=en");
        Assert.Contains("1 of 2 voted", english);
    }

    [Fact]
    public async Task A_member_sees_a_row_per_unit_is_told_which_unit_is_unanswered_and_after_voting_sees_only_that_they_voted()
    {
        using var office = await vote.App.OfficeAsync();
        var (_, member) = await CookieAsync("member");
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(3));

        var mine = await member.GetStringAsync("/evaluations");
        Assert.Contains("我的测评", mine);
        Assert.Contains($"/evaluations/{id}/ballot", mine);
        var form = await member.GetStringAsync($"/evaluations/{id}/ballot");
        for (var i = 0; i < units.Count; i++) Assert.Contains($"<legend>{i + 1}. {units[i].Name}</legend>", form);
        Assert.Equal(3, Regex.Matches(form, "<fieldset class=\"ballot-row\">").Count);
        Assert.Equal(9, Regex.Matches(form, "type=\"radio\"").Count);
        Assert.Contains("基本满意", form);
        Assert.Contains("不能再向您", form);

        var incomplete = new Dictionary<string, string>();
        for (var i = 0; i < units.Count; i++)
        {
            incomplete[$"Answers[{i}].UnitId"] = units[i].Id.ToString();
            if (i != 1) incomplete[$"Answers[{i}].Satisfaction"] = "basicallySatisfied";
        }
        incomplete["Answers[0].Comment"] = "请加快进度";
        var refused = await Accounts.PostFormAsync(member, $"/evaluations/{id}/ballot", incomplete);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"请为“{units[1].Name}”选择满意、基本满意或不满意。", page);
        Assert.Contains("请加快进度", page);

        incomplete["Answers[1].Satisfaction"] = "dissatisfied";
        var cast = await Accounts.PostFormAsync(member, $"/evaluations/{id}/ballot", incomplete);
        Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        var after = await member.GetStringAsync(cast.Headers.Location!.OriginalString);
        Assert.Contains("您的选票已提交", after);
        Assert.Contains("不能再向您", after);
        Assert.DoesNotContain("请加快进度", after);
        Assert.DoesNotContain("type=\"radio\"", after);
    }

    [Fact]
    public async Task The_results_page_is_refused_until_the_close_then_shows_rates_and_bars_for_a_member()
    {
        using var office = await vote.App.OfficeAsync();
        var (_, member) = await CookieAsync("member");
        var voters = await vote.MembersAsync(5);
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(1));
        foreach (var voter in voters) await voter.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "basicallySatisfied"));

        var early = await member.GetAsync($"/evaluations/{id}/results");
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("投票尚未截止，结果将在 北京时间 2026年6月16日 09:00 后公布", await early.Content.ReadAsStringAsync());

        await vote.CloseEarlyAsync(office, id);
        var results = await member.GetStringAsync($"/evaluations/{id}/results");
        Assert.Contains(units[0].Name, results);
        Assert.Contains("0.0%", results);
        Assert.Contains("100.0%", results);
        Assert.Contains("class=\"bar\"", results);
        Assert.Contains("应投 6 人，实投 5 人", results);
        Assert.Contains("Satisfied or basically satisfied", await member.GetStringAsync($"/evaluations/{id}/results?culture=en"));
    }

    [Fact]
    public async Task The_office_asks_to_close_early_through_the_form_and_only_another_person_an_admin_can_confirm()
    {
        var (_, office) = await CookieAsync("office");
        var (_, admin) = await CookieAsync("admin");
        var (_, member) = await CookieAsync("member");
        using var api = await vote.App.OfficeAsync();
        var (id, units) = await vote.OpenAsync(api, vote.App.UnitIds.Values.Take(1));
        var ballot = new Dictionary<string, string>
        {
            ["Answers[0].UnitId"] = units[0].Id.ToString(), ["Answers[0].Satisfaction"] = "dissatisfied", ["Answers[0].Comment"] = "只有一张选票的意见",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(member, $"/evaluations/{id}/ballot", ballot)).StatusCode);

        var page = await office.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("申请提前截止", page);
        Assert.DoesNotContain("确认提前截止", page);
        var asked = await Accounts.PostFormAsync(office, $"/evaluations/{id}?handler=RequestClose", new Dictionary<string, string> { ["Reason"] = "常委会会议提前" }, $"/evaluations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var waiting = await office.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("等待管理员确认", waiting);
        Assert.Contains("常委会会议提前", waiting);
        Assert.DoesNotContain("确认提前截止", waiting);
        Assert.Contains("提前截止待确认", await admin.GetStringAsync("/evaluations"));

        var adminPage = await admin.GetStringAsync($"/evaluations/{id}");
        Assert.Contains("确认提前截止", adminPage);
        var confirmed = await Accounts.PostFormAsync(admin, $"/evaluations/{id}?handler=ConfirmClose", new Dictionary<string, string>(), $"/evaluations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("投票已截止", await office.GetStringAsync($"/evaluations/{id}"));

        // One ballot: the results page says only that too few voted.
        var results = await member.GetAsync($"/evaluations/{id}/results");
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        var text = await results.Content.ReadAsStringAsync();
        Assert.Contains("参加投票的委员少于 5 人，为保护投票人匿名，测评结果不予公布", text);
        Assert.DoesNotContain("只有一张选票的意见", text);
        Assert.DoesNotContain("class=\"bar\"", text);
        Assert.DoesNotContain("100.0%", text);
    }
}
