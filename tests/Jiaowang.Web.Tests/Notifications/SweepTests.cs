using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Notifications;

/// <summary>The sweep raises what no action raises: a follow-up falling due, a status colour that changed.</summary>
public sealed class SweepTests : IAsyncLifetime
{
    NotificationApp n = null!;

    public async Task InitializeAsync() => n = await NotificationApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await n.DisposeAsync();

    NotificationSweep Sweep => n.Factory.Services.GetRequiredService<NotificationSweep>();

    [Fact]
    public async Task A_follow_up_due_in_two_days_reaches_its_units_liaison_and_the_units_followers_once()
    {
        var (_, liaison) = await n.App.LiaisonAsync("市交通运输局");
        var follower = await n.PersonAsync("office", null, "fu@wuhan.test", "13800004444");
        Assert.Equal(HttpStatusCode.Created, (await follower.Client.PostAsJsonAsync("/api/follows", new { kind = "unit", id = n.App.UnitIds["市交通运输局"] })).StatusCode);
        using var office = await n.App.OfficeAsync();
        (await office.PostAsJsonAsync($"/api/plans/{n.App.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "领导小组办公室会议", heldOn = "2026-06-10", place = "市政府", attendees = new[] { "张三" },
            decisions = new[] { new { text = "完成国际航线统计", unitId = n.App.UnitIds["市交通运输局"], deadline = "2026-06-17" } },
        })).EnsureSuccessStatusCode();

        await Sweep.RunOnceAsync();
        await Sweep.RunOnceAsync();

        foreach (var client in new[] { liaison, follower.Client })
        {
            var inbox = await client.GetFromJsonAsync<JsonElement>("/api/me/notifications");
            var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
            Assert.Equal("followup.due", item.GetProperty("kind").GetString());
            Assert.Contains("完成国际航线统计", item.GetProperty("body").GetString());
        }
    }

    [Fact]
    public async Task A_follower_of_a_target_hears_when_its_colour_changes_and_not_before()
    {
        var follower = await n.PersonAsync("leader", null, "t@wuhan.test", "13800005555");
        var targetId = n.App.TargetId("国际地区航线");
        Assert.Equal(HttpStatusCode.Created, (await follower.Client.PostAsJsonAsync("/api/follows", new { kind = "target", id = targetId })).StatusCode);

        await Sweep.RunOnceAsync();
        Assert.Equal(0, (await follower.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("total").GetInt32());

        // As if the last sweep had seen it done: the colour it has now is a change.
        await using (var scope = n.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var mark = await db.NotificationMarks.SingleAsync(m => m.Key == $"colour:target:{targetId}");
            mark.Value = "Done";
            await db.SaveChangesAsync();
        }
        await Sweep.RunOnceAsync();

        var item = Assert.Single((await follower.Client.GetFromJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("status.changed", item.GetProperty("kind").GetString());
        Assert.Contains("完成 →", item.GetProperty("title").GetString());
    }
}
