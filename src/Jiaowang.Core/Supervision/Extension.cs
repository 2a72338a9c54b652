namespace Jiaowang.Core.Supervision;

/// <summary>Where a unit's request to the office stands (an extension or a return).</summary>
public enum RequestState
{
    /// <summary>待审批</summary>
    Pending = 0,
    /// <summary>已批准</summary>
    Approved = 1,
    /// <summary>不予批准</summary>
    Refused = 2,
}

/// <summary>Why a decision on a request was refused.</summary>
public enum RequestError
{
    /// <summary>Only a pending request can be decided.</summary>
    NotPending,
    /// <summary>A refusal needs a note that says why.</summary>
    NoteRequired,
}

/// <summary>
/// A unit's request for a later deadline (延期申请) for one report (a period, a task or a summary) or one follow-up.
/// Approved, it is the unit's own due date for that item: every count of what is owed and overdue reads it
/// (<c>Shared/Reporting/DueDates</c>); the period's deadline for the other units does not move.
/// </summary>
public class Extension
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    /// <summary>For a report: the period, and the task for a monthly one (null for a summary).</summary>
    public int? PeriodId { get; set; }
    public int? TaskId { get; set; }
    /// <summary>The report the request was made from, when there was one.</summary>
    public int? ReportId { get; set; }
    public int? FollowUpId { get; set; }
    /// <summary>The due date when the request was made.</summary>
    public DateOnly PreviousDue { get; set; }
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public RequestState State { get; private set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    public RequestError? Approve(string by, DateTimeOffset at, string? note) => Decide(RequestState.Approved, by, at, note);

    public RequestError? Refuse(string by, DateTimeOffset at, string? note) =>
        string.IsNullOrWhiteSpace(note) ? RequestError.NoteRequired : Decide(RequestState.Refused, by, at, note);

    RequestError? Decide(RequestState state, string by, DateTimeOffset at, string? note)
    {
        if (State != RequestState.Pending) return RequestError.NotPending;
        State = state;
        DecidedBy = by;
        DecidedAt = at;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return null;
    }
}

/// <summary>
/// A unit's request to return a task it is not responsible for (退办). The office reassigns the unit's part to another
/// unit (or drops it, when another unit already carries the task) or refuses.
/// </summary>
public class TaskReturn
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public int UnitId { get; set; }
    public required string Reason { get; set; }
    public RequestState State { get; private set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>The unit that took the returning unit's part, when the office reassigned it.</summary>
    public int? ReassignedToUnitId { get; private set; }

    public RequestError? Reassign(int? toUnitId, string by, DateTimeOffset at, string? note)
    {
        if (State != RequestState.Pending) return RequestError.NotPending;
        State = RequestState.Approved;
        ReassignedToUnitId = toUnitId;
        (DecidedBy, DecidedAt, DecisionNote) = (by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return null;
    }

    public RequestError? Refuse(string by, DateTimeOffset at, string? note)
    {
        if (State != RequestState.Pending) return RequestError.NotPending;
        if (string.IsNullOrWhiteSpace(note)) return RequestError.NoteRequired;
        State = RequestState.Refused;
        (DecidedBy, DecidedAt, DecisionNote) = (by, at, note.Trim());
        return null;
    }
}
