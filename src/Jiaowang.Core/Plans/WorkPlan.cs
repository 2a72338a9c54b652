namespace Jiaowang.Core.Plans;

/// <summary>
/// A responsible unit's own work plan for a task (具体工作方案): the plan asks each unit to "制定具体工作方案，细化工作举措".
/// The unit's liaison enters it (text, its own measures with dates) or uploads it (Word/PDF); the office accepts it or
/// returns it with a comment. One per task and unit.
/// </summary>
public class WorkPlan
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Text { get; set; } = "";
    public WorkPlanState State { get; private set; } = WorkPlanState.Submitted;
    /// <summary>The office's comment when it returned (or accepted) the plan.</summary>
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public required string SubmittedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The uploaded document, when the unit uploaded one (type checked by content, as report attachments).</summary>
    public string? FileName { get; set; }
    public string? FileType { get; set; }
    public byte[]? FileContent { get; set; }
    public string? FileSha256 { get; set; }
    public List<WorkPlanMeasure> Measures { get; set; } = [];

    /// <summary>The unit changes its plan: an accepted or returned plan goes back to the office.</summary>
    public void Resubmit(string by, DateTimeOffset at)
    {
        State = WorkPlanState.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
    }

    /// <summary>The office decides on a submitted plan; returning it needs a comment saying what to change.</summary>
    public WorkPlanError? Review(bool accept, string? comment, string by, DateTimeOffset at)
    {
        if (State != WorkPlanState.Submitted) return WorkPlanError.NotSubmitted;
        if (!accept && string.IsNullOrWhiteSpace(comment)) return WorkPlanError.CommentRequired;
        State = accept ? WorkPlanState.Accepted : WorkPlanState.Returned;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedBy = by;
        ReviewedAt = at;
        return null;
    }
}

public enum WorkPlanState
{
    Submitted = 0,
    Accepted = 1,
    Returned = 2,
}

public enum WorkPlanError
{
    NotSubmitted,
    CommentRequired,
}

/// <summary>A measure of a unit's own work plan (细化工作举措), with its own dates.</summary>
public class WorkPlanMeasure
{
    public int Id { get; set; }
    public int WorkPlanId { get; set; }
    public WorkPlan? WorkPlan { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? Due { get; set; }
}

/// <summary>
/// A monthly report's progress on one measure: the plan's (<see cref="MeasureId"/>) or the unit's accepted work plan's
/// (<see cref="WorkPlanMeasureId"/>), exactly one of them.
/// </summary>
public class MeasureProgress
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int? MeasureId { get; set; }
    public int? WorkPlanMeasureId { get; set; }
    public MeasureProgressStatus Status { get; set; }
    public string? Note { get; set; }
}

public enum MeasureProgressStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
}
