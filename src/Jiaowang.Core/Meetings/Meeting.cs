namespace Jiaowang.Core.Meetings;

/// <summary>The kinds of meeting and visit the plan names (武政办〔2026〕26号, 实施步骤 and 组织保障).</summary>
public enum MeetingKind
{
    /// <summary>领导小组办公室会议: the leading group's office meets regularly to report progress and settle problems.</summary>
    OfficeMeeting = 0,
    /// <summary>检查: city government leaders lead a check on how the proposal is being handled (市政府领导同志带队检查).</summary>
    LeaderCheck = 1,
    /// <summary>视察: council (政协) leaders and members are invited to inspect the work.</summary>
    CouncilInspection = 2,
}

/// <summary>A meeting or visit the office records: who came and what was decided (会议纪要).</summary>
public class Meeting
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Place { get; set; }
    /// <summary>出席: people and units, one entry each, as the minutes list them.</summary>
    public List<string> Attendees { get; set; } = [];
    public string? Notes { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The decisions (议定事项), each one a follow-up item, in the order of the minutes.</summary>
    public List<FollowUp> FollowUps { get; set; } = [];
}

public enum FollowUpState
{
    Open = 0,
    Done = 1,
}

/// <summary>A decision of a meeting (议定事项) that one unit must carry out by a deadline (督办事项).</summary>
public class FollowUp
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    /// <summary>Its place among the meeting's decisions, from 1.</summary>
    public int Position { get; set; }
    public required string Text { get; set; }
    /// <summary>责任单位: the unit that carries the decision out.</summary>
    public int UnitId { get; set; }
    public DateOnly Deadline { get; set; }
    public FollowUpState State { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneNote { get; private set; }
    public string? DoneBy { get; private set; }

    /// <summary>The traffic light for this item on <paramref name="today"/> (see <see cref="FollowUpStatus"/>).</summary>
    public Progress.Status StatusOn(DateOnly today) => FollowUpStatus.Of(State, Deadline, today);

    /// <returns>Null when marked done; otherwise why not.</returns>
    public FollowUpError? MarkDone(string note, string by, DateTimeOffset at)
    {
        if (State == FollowUpState.Done) return FollowUpError.AlreadyDone;
        if (string.IsNullOrWhiteSpace(note)) return FollowUpError.NoteRequired;
        State = FollowUpState.Done;
        DoneNote = note.Trim();
        DoneBy = by;
        DoneAt = at;
        return null;
    }

    /// <summary>The office finds the work not finished after all: the item is open again and its done record cleared.</summary>
    public FollowUpError? Reopen()
    {
        if (State == FollowUpState.Open) return FollowUpError.NotDone;
        State = FollowUpState.Open;
        DoneNote = null;
        DoneBy = null;
        DoneAt = null;
        return null;
    }
}

public enum FollowUpError
{
    AlreadyDone,
    NoteRequired,
    NotDone,
}
