using System.Net;
using System.Net.Http.Json;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Tests.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Audit;

/// <summary>Writes that no feature named still leave an entry naming who made them, on SQLite and PostgreSQL.</summary>
public abstract class AuditCoverageTests(DatabaseProvider provider) : IAsyncLifetime
{
    VoteApp vote = null!;
    Supervision.SupervisionApp App => vote.App;
    public async Task InitializeAsync() => vote = await VoteApp.StartAsync(provider);
    public async Task DisposeAsync() => await vote.DisposeAsync();

    async Task<(string Name, HttpClient Client)> OfficeAsync()
    {
        var office = await Accounts.CreateAsync(App.Factory, "office");
        return (office.UserName!, await Accounts.BearerClientAsync(App.Factory, office.UserName!));
    }

    async Task<List<AuditItem>> EntriesAsync(HttpClient office) => (await office.GetFromJsonAsync<List<AuditItem>>("/api/audit"))!;

    [Fact]
    public async Task Binding_a_target_to_the_registry_through_the_api_or_the_page_leaves_an_entry_naming_the_office()
    {
        var (name, office) = await OfficeAsync();
        var target = App.TargetId("国际友城");
        var other = App.TargetId("国际地区航线");

        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/targets/{target}/binding", new { binding = "ActivePartners" })).StatusCode);
        var clerk = await Accounts.CreateAsync(App.Factory, "office");
        using var browser = await Accounts.CookieClientAsync(App.Factory, clerk.UserName!);
        var posted = await Accounts.PostFormAsync(browser, "/partners/bindings", new() { ["targetId"] = other.ToString(), ["binding"] = "ActivePartners" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var entries = await EntriesAsync(office);
        var api = Assert.Single(entries, e => e.Entity == "Target" && e.EntityId == target.ToString() && e.Action == "update");
        Assert.Equal(name, api.Actor);
        Assert.Contains("\"Binding\":null", api.Before);
        Assert.Contains("\"Binding\":\"ActivePartners\"", api.After);
        var page = Assert.Single(entries, e => e.Entity == "Target" && e.EntityId == other.ToString() && e.Action == "update");
        Assert.Equal(clerk.UserName, page.Actor);
    }

    [Fact]
    public async Task Creating_partners_pairs_projects_and_events_each_leaves_an_entry_naming_the_office()
    {
        var (name, office) = await OfficeAsync();

        var partner = await (await office.PostAsJsonAsync("/api/partners", new { cityEn = "Lyon", country = "France", kind = "友好交流城市", yearEstablished = 2026 }))
            .Content.ReadFromJsonAsync<Features.Network.PartnerItem>();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/partners/{partner!.Id}/pairs", new { type = "友好学校", wuhanSide = "武汉外国语学校", partnerSide = "Lycée du Parc", year = 2026 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/projects", new { title = "中法医学交流", year = 2026, field = "卫生", partnerIds = new[] { partner.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/events", new { category = "conference", title = "武汉国际交往论坛", startsOn = "2026-09-01" })).StatusCode);

        var entries = await EntriesAsync(office);
        foreach (var entity in new[] { "Partner", "GrassrootsPair", "ExchangeProject", "InternationalEvent" })
        {
            // The shipped partner list was loaded at start-up (system:startup); what the office added is its own.
            Assert.Contains(entries, e => e.Entity == entity && e.Action == "insert" && e.Actor == name);
        }
        Assert.Contains(entries, e => e.Entity == "Partner" && e.EntityId == partner.Id.ToString() && e.After!.Contains("Lyon"));
    }

    [Fact]
    public async Task A_password_change_is_audited_under_the_user_without_the_hash_or_stamps()
    {
        var (_, office) = await OfficeAsync();
        var user = await Accounts.CreateAsync(App.Factory, "leader");
        using var browser = await Accounts.CookieClientAsync(App.Factory, user.UserName!);

        var changed = await Accounts.PostFormAsync(browser, "/account/password",
            new() { ["Current"] = Accounts.Password, ["New"] = "A-new-Password-9", ["Confirm"] = "A-new-Password-9" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        var entries = await EntriesAsync(office);
        var change = Assert.Single(entries, e => e.Entity == "JiaowangUser" && e.EntityId == user.Id && e.Action == "update" && e.After!.Contains("PasswordHash"));
        Assert.Equal(user.UserName, change.Actor);
        Assert.Contains($"\"PasswordHash\":\"{AuditChanges.Redacted}\"", change.After);
        Assert.All(entries, e =>
        {
            foreach (var secret in new[] { stored.PasswordHash!, stored.SecurityStamp!, stored.ConcurrencyStamp! })
            {
                Assert.DoesNotContain(secret, e.Before ?? "");
                Assert.DoesNotContain(secret, e.After ?? "");
            }
        });
    }

    [Fact]
    public async Task A_ballot_is_audited_as_who_voted_and_never_with_what_was_answered()
    {
        var (_, office) = await OfficeAsync();
        var (name, member) = await vote.MemberAsync();
        var (id, units) = await vote.OpenAsync(office, App.UnitIds.Values.Take(2));
        var comment = new Dictionary<int, (string, string?)> { [units[0].Id] = ("dissatisfied", "窗口服务态度有待改进") };

        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/api/evaluations/{id}/ballots", VoteApp.Ballot(units, special: comment))).StatusCode);

        var entries = await EntriesAsync(office);
        Assert.Contains(entries, e => e.Entity == "EvaluationVoter" && e.Actor == name);
        Assert.DoesNotContain(entries, e => e.Entity == "EvaluationAnswer");
        Assert.All(entries.Where(e => e.Actor == name), e =>
        {
            Assert.DoesNotContain("窗口服务态度", (e.Before ?? "") + (e.After ?? ""));
            Assert.DoesNotContain("atisfied", (e.Before ?? "") + (e.After ?? ""));
        });
    }

    [Fact]
    public async Task A_record_a_feature_names_is_chained_under_its_actor_even_when_no_row_changed()
    {
        var (_, office) = await OfficeAsync();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            // As a sign-in would be recorded: nothing in the database changes, the event is still kept.
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync(db, "li-clerk", () => [new AuditRecord("Account", "li-clerk", "sign-in", null, new { via = "password" })]);
        }

        var entry = Assert.Single(await EntriesAsync(office), e => e.Action == "sign-in" && e.EntityId == "li-clerk");
        Assert.Equal(("li-clerk", "Account"), (entry.Actor, entry.Entity));
        Assert.True((await office.GetFromJsonAsync<ChainCheck>("/api/audit/verify"))!.Intact);
    }

    [Fact]
    public async Task Twenty_writers_at_once_extend_one_chain_and_the_anchor_follows_its_head()
    {
        var (_, office) = await OfficeAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            office.PostAsJsonAsync("/api/partners", new { cityEn = $"City {i}", country = "France", kind = "友好交流城市", yearEstablished = 2026 })));

        var check = (await office.GetFromJsonAsync<ChainCheck>("/api/audit/verify"))!;
        Assert.True(check.Intact, check.Reason);
        Assert.Equal(check.LastId, check.AnchorId);
    }

    [Fact]
    public async Task A_context_back_from_the_pool_does_not_name_the_actor_an_earlier_request_left_on_it()
    {
        var (name, office) = await OfficeAsync();
        // Every context in the pool leaves with a stranger's name on its audit session, as a save that never reached its
        // clean-up would leave it; then the pool hands them out again.
        var scopes = Enumerable.Range(0, 32).Select(_ => App.Factory.Services.CreateAsyncScope()).ToList();
        var left = scopes.Select(s => s.ServiceProvider.GetRequiredService<JiaowangDb>()).ToList();
        foreach (var db in left) AuditSession.For(db).ExplicitActor = "someone-else";
        foreach (var scope in scopes) await scope.DisposeAsync();
        await using (var again = App.Factory.Services.CreateAsyncScope())
        {
            Assert.Contains(again.ServiceProvider.GetRequiredService<JiaowangDb>(), left);
        }

        var added = await office.PostAsJsonAsync("/api/partners", new { cityEn = "Pooled", country = "France", kind = "友好交流城市", yearEstablished = 2026 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var entry = Assert.Single(await EntriesAsync(office), e => e.Entity == "Partner" && e.Action == "insert" && e.After!.Contains("Pooled"));
        Assert.Equal(name, entry.Actor);
    }

    async Task<T> QueryAsync<T>(Func<JiaowangDb, Task<T>> query)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<JiaowangDb>());
    }
}

public sealed class SqliteAuditCoverageTests() : AuditCoverageTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditCoverageTests() : AuditCoverageTests(DatabaseProvider.Postgres);
