namespace Jiaowang.Web.Shared.Notifications;

/// <summary>
/// Something happened that people should hear about: a report returned or accepted, a status colour changed, an
/// instruction, a supervision notice, a ladder step, a follow-up falling due, a vote opening. Features describe the
/// event; the notifier decides who hears it (the users and units named here, plus followers of the subject) and on
/// which channels each person chose (inbox always; e-mail, WeCom robot, SMS), honouring quiet hours and digests.
/// </summary>
/// <param name="Kind">Stable machine name, e.g. <c>report.returned</c>, <c>notice.issued</c>, <c>ladder.overdue</c>.</param>
/// <param name="Link">App-relative URL of the thing the event is about.</param>
/// <param name="UserIds">Accounts concerned directly.</param>
/// <param name="UnitIds">Units concerned: their liaisons hear it (and their leaders, where <paramref name="AlsoUnitLeaders"/>).</param>
/// <param name="SubjectKind">What followers follow: <c>task</c>, <c>target</c>, <c>unit</c> or <c>plan</c>.</param>
public sealed record NotificationEvent(
    string Kind,
    string TitleZh,
    string TitleEn,
    string? BodyZh,
    string? BodyEn,
    string? Link,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<int> UnitIds,
    string? SubjectKind = null,
    int? SubjectId = null,
    bool AlsoUnitLeaders = false);

/// <summary>Publishes an event to everyone concerned. Implementations store it first (never lost), then deliver.</summary>
public interface INotifier
{
    Task PublishAsync(NotificationEvent notification, CancellationToken cancellationToken = default);
}
