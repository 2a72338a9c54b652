using Jiaowang.Web.Shared.Notifications;

namespace Jiaowang.Web.Features.Extensions;

/// <summary>
/// Tells people through the notifier when one is registered (the notifications branch supplies it); without one the
/// action still succeeds and nobody is told, as before.
/// </summary>
public static class Notify
{
    public static async Task PublishAsync(IServiceProvider services, NotificationEvent notification, CancellationToken ct = default)
    {
        if (services.GetService<INotifier>() is not { } notifier) return;
        await notifier.PublishAsync(notification, ct);
    }
}
