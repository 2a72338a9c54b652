namespace Jiaowang.Web.Features.Notifications;

/// <summary>Marker for the notifications feature's strings: NotificationsText.resx (Chinese, neutral) and NotificationsText.en.resx.</summary>
public sealed class NotificationsText;
