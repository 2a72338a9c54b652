using System.Net.Http.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Escalation;

/// <summary>A clock the test moves day by day (9:00 in Wuhan).</summary>
public sealed class DayClock(DateOnly day) : TimeProvider
{
    public DateOnly Day { get; set; } = day;
    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}

/// <summary>The Wuhan plan with the ladder and the reminders driven by hand on the day the test chooses.</summary>
public static class LadderApp
{
    public static Task<SupervisionApp> StartAsync(DatabaseProvider provider, DayClock clock) =>
        SupervisionApp.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<ReminderOptions>(o => o.Automatic = false);
            services.Configure<LadderOptions>(o => o.Automatic = false);
        });

    /// <summary>One round of the ladder, as the background job runs it.</summary>
    public static Task<int> RunLadderAsync(this SupervisionApp app) => app.Factory.Services.GetRequiredService<LadderJob>().RunOnceAsync();

    /// <summary>The ladder's steps taken for one item, by step code.</summary>
    public static async Task<List<string>> StepsAsync(this SupervisionApp app, string item)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        return await db.SupervisionEntries.Where(e => e.Item == item && e.Once != null).OrderBy(e => e.Id).Select(e => e.Once!).ToListAsync();
    }

    /// <summary>What the person reads in their notification inbox: each item's title and body as one text.</summary>
    public static async Task<List<InboxLine>> InboxAsync(HttpClient person)
    {
        var page = (await person.GetFromJsonAsync<NotificationPage>("/api/me/notifications?pageSize=100"))!;
        return page.Items.Select(i => new InboxLine(i.Kind, i.Title + "\n" + i.Body)).ToList();
    }
}

public sealed record InboxLine(string Kind, string Text);
