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
    public async Task The_office_opens_an_evaluation_on_chosen_units_through_the_form_and_sees_the_turnout_by_name_only()
    {
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
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
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
        Assert.Contains(memberName, turnout);
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
        var (_, api) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, vote.App.UnitIds.Values.Take(1));
        await api.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, "basicallySatisfied"));

        var early = await member.GetAsync($"/evaluations/{id}/results");
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("投票尚未截止", await early.Content.ReadAsStringAsync());

        await office.PostAsync($"/api/evaluations/{id}/close", null);
        var results = await member.GetStringAsync($"/evaluations/{id}/results");
        Assert.Contains(units[0].Name, results);
        Assert.Contains("0.0%", results);
        Assert.Contains("100.0%", results);
        Assert.Contains("class=\"bar\"", results);
        Assert.Contains("应投 2 人，实投 1 人", results);
        Assert.Contains("Satisfied or basically satisfied", await member.GetStringAsync($"/evaluations/{id}/results?culture=en"));
    }
}
