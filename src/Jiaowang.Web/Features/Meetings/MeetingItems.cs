using Jiaowang.Core.Meetings;
using Jiaowang.Web.Features.Targets;

namespace Jiaowang.Web.Features.Meetings;

/// <param name="State">open or done.</param>
/// <param name="Status">onTrack, atRisk, behind or done (docs/STATUS-RULES.md, meeting follow-ups).</param>
public sealed record FollowUpItem(int Id, int MeetingId, string MeetingTitle, string MeetingKind, DateOnly HeldOn, int Position, string Text,
    int UnitId, string UnitName, DateOnly Deadline, string State, string Status, DateTimeOffset? DoneAt, string? DoneNote, string? DoneBy)
{
    public static FollowUpItem From(FollowUp f, Meeting m, string unitName, DateOnly today) => new(f.Id, m.Id, m.Title, MeetingInput.KindCode(m.Kind), m.HeldOn,
        f.Position, f.Text, f.UnitId, unitName, f.Deadline, f.State == FollowUpState.Done ? "done" : "open", StatusText.Code(f.StatusOn(today)),
        f.DoneAt, f.DoneNote, f.DoneBy);
}

/// <param name="Kind">officeMeeting, leaderCheck or councilInspection.</param>
public sealed record MeetingItem(int Id, int PlanId, string Kind, string Title, DateOnly HeldOn, string? Place, IReadOnlyList<string> Attendees,
    string? Notes, string RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<FollowUpItem> Decisions)
{
    public static MeetingItem From(Meeting m, IReadOnlyDictionary<int, string> unitNames, DateOnly today) => new(m.Id, m.PlanId, MeetingInput.KindCode(m.Kind),
        m.Title, m.HeldOn, m.Place, m.Attendees, m.Notes, m.RecordedBy, m.RecordedAt,
        m.FollowUps.OrderBy(f => f.Position).Select(f => FollowUpItem.From(f, m, unitNames.GetValueOrDefault(f.UnitId, ""), today)).ToList());
}

/// <summary>What the audit log keeps of a meeting: its fields and its decisions, without the computed statuses.</summary>
sealed record MeetingAudit(string Kind, string Title, DateOnly HeldOn, string? Place, IReadOnlyList<string> Attendees, string? Notes,
    IReadOnlyList<DecisionAudit> Decisions)
{
    public static MeetingAudit From(Meeting m) => new(MeetingInput.KindCode(m.Kind), m.Title, m.HeldOn, m.Place, [.. m.Attendees], m.Notes,
        m.FollowUps.OrderBy(f => f.Position).Select(DecisionAudit.From).ToList());
}

sealed record DecisionAudit(int Id, int Position, string Text, int UnitId, DateOnly Deadline, string State, string? DoneNote, string? DoneBy, DateTimeOffset? DoneAt)
{
    public static DecisionAudit From(FollowUp f) => new(f.Id, f.Position, f.Text, f.UnitId, f.Deadline, f.State.ToString(), f.DoneNote, f.DoneBy, f.DoneAt);
}
