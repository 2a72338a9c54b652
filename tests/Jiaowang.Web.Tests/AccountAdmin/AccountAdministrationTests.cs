using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Tests.Supervision;

namespace Jiaowang.Web.Tests.AccountAdmin;

/// <summary>One app for the class: the Wuhan plan, an office and an admin account with bearer clients.</summary>
public sealed class AccountAdminApp : IAsyncLifetime
{
    public SupervisionApp App { get; private set; } = null!;
    public HttpClient Office { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public string OfficeName { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
        OfficeName = (await Accounts.CreateAsync(App.Factory, Roles.Office)).UserName!;
        Office = await Accounts.BearerClientAsync(App.Factory, OfficeName);
        Admin = await Accounts.BearerClientAsync(App.Factory, (await Accounts.CreateAsync(App.Factory, Roles.Admin)).UserName!);
    }

    public async Task DisposeAsync()
    {
        Office.Dispose();
        Admin.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// Issue 11, item 2, through <c>/api/accounts</c>: who administers whom, what disable and reset do, handover, the list.
/// The tests share one app and keep to their own units or names.
/// </summary>
public sealed class AccountAdministrationTests(AccountAdminApp fixture) : IClassFixture<AccountAdminApp>
{
    const string NewPassword = "A-new-Password-9";
    readonly SupervisionApp app = fixture.App;
    readonly HttpClient office = fixture.Office, admin = fixture.Admin;
    readonly string officeName = fixture.OfficeName;

    static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..18];

    async Task<(string Id, string OneTime)> OpenAsync(HttpClient by, string role, int? unitId = null, string? name = null)
    {
        var response = await by.PostAsJsonAsync("/api/accounts", new { userName = name ?? Unique(role), role, unitId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("oneTimePassword").GetString()!);
    }

    async Task<string> ChangedPasswordAsync(string userName, string oneTime)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await Accounts.PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = oneTime });
        Assert.Equal("/account/password", login.Headers.Location!.OriginalString.Split('?')[0]);
        var changed = await Accounts.PostFormAsync(client, "/account/password", new() { ["Current"] = oneTime, ["New"] = NewPassword, ["Confirm"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        return NewPassword;
    }

    /// <summary>The audit entries about one account, as JSON text.</summary>
    async Task<string> AuditOfAsync(string accountId)
    {
        using var entries = JsonDocument.Parse(await office.GetStringAsync("/api/audit"));
        return string.Join("\n", entries.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("entity").GetString() == "Account" && e.GetProperty("entityId").GetString() == accountId)
            .Select(e => e.GetRawText()));
    }

    async Task<AccountItem> ItemAsync(HttpClient by, string userName)
    {
        var page = await by.GetFromJsonAsync<AccountPage>($"/api/accounts?q={userName}");
        return page!.Items.Single(i => i.UserName == userName);
    }

    [Fact]
    public async Task The_office_administers_liaisons_and_leaders_only_and_an_admin_every_account_but_nobody_their_own()
    {
        var member = await OpenAsync(admin, Roles.Member);
        var otherOffice = await OpenAsync(admin, Roles.Office);
        var leader = await OpenAsync(office, Roles.Leader);

        var refused = await office.PostAsJsonAsync("/api/accounts", new { userName = Unique("m"), role = "member", unitId = (int?)null });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("办公室只能开设联络员和领导账号", await refused.Content.ReadAsStringAsync());
        foreach (var id in new[] { member.Id, otherOffice.Id })
        {
            foreach (var action in new[] { "disable", "reset", "primary" })
                Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync($"/api/accounts/{id}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await office.PutAsJsonAsync($"/api/accounts/{id}", new { role = "leader" })).StatusCode);
        }
        // The office cannot promote a leader into the office either.
        var promote = await office.PutAsJsonAsync($"/api/accounts/{leader.Id}", new { role = "office" });
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        // Members and office accounts are not even listed for the office; the admin sees them.
        Assert.Empty((await office.GetFromJsonAsync<AccountPage>("/api/accounts?role=member"))!.Items);
        Assert.NotEmpty((await admin.GetFromJsonAsync<AccountPage>("/api/accounts?role=member"))!.Items);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{member.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/accounts/{otherOffice.Id}", new { role = "leader" })).StatusCode);
        // Nobody administers their own account here: the office does not even list itself, an admin is refused.
        Assert.Empty((await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q={officeName}"))!.Items);
        var adminName = (await admin.GetFromJsonAsync<AccountsApi.Me>("/api/me"))!.UserName;
        var own = (await admin.GetFromJsonAsync<AccountPage>($"/api/accounts?q={adminName}"))!.Items.Single();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/accounts/{own.Id}/disable", null)).StatusCode);

        // Liaisons, leaders and members cannot reach the API at all.
        var liaison = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, Roles.Liaison, "市商务局")).UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_the_open_cookie_and_token_at_the_next_request_and_is_audited_with_who_and_whom()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Liaison, "市商务局");
        using var script = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        using var browser = await Accounts.CookieClientAsync(app.Factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/work")).StatusCode);

        var disabled = await office.PostAsync($"/api/accounts/{user.Id}/disable", null);
        Assert.Equal("disabled", (await disabled.Content.ReadFromJsonAsync<AccountItem>())!.State);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        var page = await browser.GetAsync("/work");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
        var again = await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        var audit = await AuditOfAsync(user.Id);
        Assert.Contains("\"disabled\"", audit);
        Assert.Contains(officeName, audit);

        Assert.Equal("active", (await (await office.PostAsync($"/api/accounts/{user.Id}/enable", null)).Content.ReadFromJsonAsync<AccountItem>())!.State);
        using var back = await Accounts.BearerClientAsync(app.Factory, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_reset_password_is_shown_once_ends_the_sessions_and_must_be_changed_at_the_next_sign_in()
    {
        var user = await Accounts.CreateAsync(app.Factory, Roles.Leader);
        using var browser = await Accounts.CookieClientAsync(app.Factory, user.UserName!);

        var reset = await office.PostAsync($"/api/accounts/{user.Id}/reset", null);
        var oneTime = (await reset.Content.ReadFromJsonAsync<AccountAdminApi.ResetResponse>())!.OneTimePassword;

        Assert.Equal(16, oneTime.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Equal("mustChangePassword", (await ItemAsync(office, user.UserName!)).State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { userName = user.UserName, password = Accounts.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { userName = user.UserName, password = oneTime })).StatusCode);
        Assert.DoesNotContain(oneTime, await AuditOfAsync(user.Id));

        await ChangedPasswordAsync(user.UserName!, oneTime);
        using var after = await Accounts.BearerClientAsync(app.Factory, user.UserName!, NewPassword);
        var item = await ItemAsync(office, user.UserName!);
        Assert.Equal("active", item.State);
        Assert.NotNull(item.LastSignInAt);
    }

    [Fact]
    public async Task A_handover_moves_the_primary_and_the_new_liaison_sees_the_units_reports_readings_follow_ups_and_instructions()
    {
        const string unit = "市交通运输局";
        var unitId = app.UnitIds[unit];
        var (first, oldClient) = await app.LiaisonAsync(unit);
        var target = app.TargetId("国际地区航线");
        (await office.PutAsJsonAsync($"/api/targets/{target}/units", new { unitIds = new[] { unitId } })).EnsureSuccessStatusCode();
        var created = await oldClient.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "五月航线进展" });
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await oldClient.PostAsJsonAsync($"/api/reports/{reportId}/submit", new { })).EnsureSuccessStatusCode();
        (await oldClient.PostAsJsonAsync($"/api/targets/{target}/readings", new { value = 21, asOf = "2026-06-10", source = "民航统计" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "办公室会议", heldOn = "2026-06-10",
            decisions = new[] { new { text = "落实新航线", unitId, deadline = "2026-07-30" } },
        })).EnsureSuccessStatusCode();
        using var leader = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, Roles.Leader)).UserName!);
        (await leader.PostAsJsonAsync($"/api/reports/{reportId}/instructions", new { text = "请加快航线开通" })).EnsureSuccessStatusCode();

        var firstItem = await ItemAsync(office, first);
        Assert.True(firstItem.Primary);
        var (newId, oneTime) = await OpenAsync(office, Roles.Liaison, unitId, Unique("new"));
        var newName = (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?unit={unitId}&role=liaison"))!.Items.Single(i => i.Id == newId).UserName;
        Assert.False((await ItemAsync(office, newName)).Primary);

        var handed = await office.PostAsync($"/api/accounts/{newId}/primary", null);
        Assert.True((await handed.Content.ReadFromJsonAsync<AccountItem>())!.Primary);
        Assert.False((await ItemAsync(office, first)).Primary);
        (await office.PostAsync($"/api/accounts/{firstItem.Id}/disable", null)).EnsureSuccessStatusCode();

        using var successor = await Accounts.BearerClientAsync(app.Factory, newName, await ChangedPasswordAsync(newName, oneTime));
        var reports = await successor.GetStringAsync("/api/reports");
        Assert.Contains("五月航线进展", reports);
        Assert.Contains("民航统计", await successor.GetStringAsync($"/api/targets/{target}"));
        Assert.Contains("落实新航线", await successor.GetStringAsync($"/api/plans/{app.PlanId}/followups"));
        Assert.Contains("请加快航线开通", await successor.GetStringAsync("/api/instructions"));
        var audit = await AuditOfAsync(newId);
        Assert.Contains("\"primary\"", audit);
    }

    [Fact]
    public async Task Moving_a_primary_liaison_to_another_unit_passes_the_flag_on_and_ends_their_session()
    {
        var from = app.UnitIds["市科创局"];
        var to = app.UnitIds["市体育局"];
        var (a, _) = await OpenAsync(office, Roles.Liaison, from, Unique("a"));
        var (b, _) = await OpenAsync(office, Roles.Liaison, from, Unique("b"));

        var moved = await office.PutAsJsonAsync($"/api/accounts/{a}", new { unitId = to });
        var item = (await moved.Content.ReadFromJsonAsync<AccountItem>())!;

        Assert.Equal(to, item.Unit!.Id);
        var inFrom = (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?unit={from}"))!.Items;
        Assert.True(inFrom.Single(i => i.Id == b).Primary);
        Assert.Equal(1, inFrom.Count(i => i.Primary));
        var bad = await office.PutAsJsonAsync($"/api/accounts/{a}", new { unitId = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("unitId", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_filters_by_role_unit_state_and_text_sorts_and_pages()
    {
        var unitId = app.UnitIds["市商务局"];
        var tag = Guid.NewGuid().ToString("N")[..6];
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var name = $"list{tag}-{i}";
            await OpenAsync(office, Roles.Liaison, unitId, name);
            names.Add(name);
        }
        var leader = $"list{tag}-l";
        var (leaderId, _) = await OpenAsync(office, Roles.Leader, null, leader);
        await office.PostAsync($"/api/accounts/{leaderId}/disable", null);

        var all = (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q=list{tag}"))!;
        Assert.Equal(4, all.Total);
        Assert.Equal(names, (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q=list{tag}&role=liaison&unit={unitId}"))!.Items.Select(i => i.UserName));
        Assert.Equal([leader], (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q=list{tag}&state=disabled"))!.Items.Select(i => i.UserName));
        Assert.Equal(3, (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q=LIST{tag}&state=mustChangePassword"))!.Total);
        var sorted = (await office.GetFromJsonAsync<AccountPage>($"/api/accounts?q=list{tag}&sort=-userName&pageSize=2&page=2"))!;
        Assert.Equal([names[1], names[0]], sorted.Items.Select(i => i.UserName));
        Assert.Equal(4, sorted.Total);

        var badState = await office.GetAsync("/api/accounts?state=sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("state", await badState.Content.ReadAsStringAsync());
    }
}
