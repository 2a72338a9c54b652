using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>Following, the inbox, channel settings, the units' group robots and the office's view of deliveries.</summary>
public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.AddHttpClient(ChannelSenders.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        // This notifier wins over any fallback another feature registered with TryAdd.
        services.RemoveAll<INotifier>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<ChannelSenders>();
        services.AddScoped<FollowRules>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<DeliveryQueue>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddSingleton<NotificationSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSweep>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var follows = app.MapGroup("/api/follows").WithTags("Notifications").RequireAuthorization().ScopedTo(Scope.Self);
        follows.MapPost("/", Follow).WithSummary("Follows a task, target, unit or plan ({kind, id}); following twice is following once. A liaison follows only its own unit.");
        follows.MapDelete("/{kind}/{id:int}", Unfollow).WithSummary("Stops following; 404 when the caller was not following it.");
        app.MapGet("/api/me/follows", MyFollows).WithTags("Notifications").RequireAuthorization().ScopedTo(Scope.Self)
            .WithSummary("What the caller follows, newest first.");

        var inbox = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization().ScopedTo(Scope.Self);
        inbox.MapGet("/", Inbox).WithSummary("The caller's inbox, paged (page, pageSize), newest first or unreadFirst=true, with the unread count.");
        inbox.MapPost("/{id:int}/read", MarkRead).WithSummary("Marks one of the caller's notifications read.");
        inbox.MapPost("/read-all", MarkAllRead).WithSummary("Marks the caller's notifications read up to the newest they saw (upTo).");

        var settings = app.MapGroup("/api/me/notification-settings").WithTags("Notifications").RequireAuthorization().ScopedTo(Scope.Self);
        settings.MapGet("/", GetSettings).WithSummary("The caller's channels: e-mail, WeCom robot, SMS, quiet hours, daily digest (the inbox always).");
        settings.MapPut("/", PutSettings).WithSummary("Sets the caller's channels, quiet hours (HH:mm local) and daily digest.");

        var office = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Office);
        office.MapGet("/deliveries", Deliveries).WithSummary("Outside deliveries: pending and failed (state=pending|failed|sent to choose), with their last error.");
        office.MapPost("/deliveries/{id:int}/retry", Retry).WithSummary("Sends a pending or failed delivery at the next round, attempts counted afresh.");
        office.MapGet("/robots", Robots).WithSummary("Each unit's WeCom / 政务微信 group robot URL.");
        office.MapPut("/robots/{id:int}", SetRobot).WithSummary("Sets a unit's group robot URL (an empty URL removes it).");
        return app;
    }

    static Results<Ok<T>, Refused> Answer<T>(Outcome<T> outcome) => outcome.Refusal is { } r ? r.ToHttp() : TypedResults.Ok(outcome.Value!);

    static async Task<Results<Created<FollowItem>, Refused>> Follow(FollowRequest request, Caller caller, FollowRules rules, CancellationToken ct)
    {
        var outcome = await rules.FollowAsync(caller, request, ct);
        return outcome.Refusal is { } r ? r.ToHttp() : TypedResults.Created($"/api/follows/{outcome.Value!.Kind}/{outcome.Value.Id}", outcome.Value);
    }

    static async Task<Results<NoContent, Refused>> Unfollow(string kind, int id, Caller caller, FollowRules rules, CancellationToken ct)
    {
        var outcome = await rules.UnfollowAsync(caller, kind, id, ct);
        return outcome.Refusal is { } r ? r.ToHttp() : TypedResults.NoContent();
    }

    static async Task<Ok<List<FollowItem>>> MyFollows(Caller caller, FollowRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(caller, ct));

    static async Task<Ok<NotificationPage>> Inbox(Caller caller, InboxQueries inbox, int? page, int? pageSize, bool? unreadFirst, CancellationToken ct) =>
        TypedResults.Ok(await inbox.PageAsync(caller, page ?? 1, pageSize ?? InboxQueries.DefaultPageSize, unreadFirst ?? false, TextSetup.IsEnglish, ct));

    static async Task<Results<Ok<MarkedRead>, Refused>> MarkRead(int id, Caller caller, InboxQueries inbox, CancellationToken ct) =>
        Answer(await inbox.MarkReadAsync(caller, id, ct));

    static async Task<Results<Ok<MarkedRead>, Refused>> MarkAllRead(ReadAllRequest request, Caller caller, InboxQueries inbox, CancellationToken ct) =>
        Answer(await inbox.MarkAllReadAsync(caller, request.UpTo, ct));

    static async Task<Ok<ChannelSettings>> GetSettings(Caller caller, NotificationSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetAsync(caller, ct));

    static async Task<Results<Ok<ChannelSettings>, Refused>> PutSettings(ChannelSettings request, Caller caller, NotificationSettings settings, CancellationToken ct) =>
        Answer(await settings.SetAsync(caller, request, ct));

    static async Task<Ok<List<DeliveryItem>>> Deliveries(Caller caller, DeliveryQueue queue, string? state, CancellationToken ct) =>
        TypedResults.Ok(await queue.ListAsync(state, ct: ct));

    static async Task<Results<Ok<DeliveryItem>, Refused>> Retry(int id, Caller caller, DeliveryQueue queue, CancellationToken ct) => Answer(await queue.RetryAsync(id, ct));

    static async Task<Ok<List<UnitRobotItem>>> Robots(Caller caller, NotificationSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.RobotsAsync(ct));

    static async Task<Results<Ok<UnitRobotItem>, Refused>> SetRobot(int id, RobotSetting request, Caller caller, NotificationSettings settings, CancellationToken ct) =>
        Answer(await settings.SetRobotAsync(id, request.Url, ct));
}
