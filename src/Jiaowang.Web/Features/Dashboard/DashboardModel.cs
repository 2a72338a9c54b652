namespace Jiaowang.Web.Features.Dashboard;

/// <summary>
/// The leaders' dashboard (领导驾驶舱) of one plan on one day; also the body of <c>GET /api/plans/{id}/dashboard</c>.
/// Statuses are codes (onTrack, atRisk, behind, done) so the same model serves both languages; the page words them.
/// </summary>
/// <param name="TimeProgress">Elapsed share of the plan's span (序时进度), 0 … 1.</param>
public sealed record DashboardModel(
    int PlanId,
    string PlanTitle,
    string? DocumentNumber,
    DateOnly Today,
    decimal TimeProgress,
    DateOnly? Start,
    DateOnly? End,
    Headline Headline,
    IReadOnlyList<TargetGroupPanel> TargetGroups,
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<MatrixUnit> MatrixUnits,
    IReadOnlyList<MatrixGroup> Matrix)
{
    /// <summary>Tasks assigned to a group (各区人民政府): the group's status rolled up from its members', and each member's.</summary>
    public IReadOnlyList<GroupRollup> Groups { get; init; } = [];
}

/// <summary>A group's part in one task, judged from its members' reports by the task rules (docs/STATUS-RULES.md).</summary>
public sealed record GroupRollup(int TaskId, int TaskNumber, string TaskTitle, int GroupId, string GroupName, string Status, IReadOnlyList<MemberCell> Members);

/// <summary>One member's part: its own status on the task and its latest monthly report.</summary>
public sealed record MemberCell(int UnitId, string Name, string Status, int? ReportId, string? ReportState);

/// <param name="TargetStatuses">Number of targets per status code.</param>
/// <param name="TaskStatuses">Number of tasks per status code.</param>
/// <param name="ReportsDue">Reports whose deadline has passed (per task and unit for monthly periods, per unit for summaries).</param>
/// <param name="ReportsOverdue">Of those, still not submitted (逾期未报).</param>
/// <param name="AwaitingReview">Submitted and not yet accepted or returned.</param>
/// <param name="FollowUps">Decisions of meetings and inspections on this plan (会议、视察议定事项).</param>
/// <param name="FollowUpStatuses">Number of those per status code (done, and open ones by how near their deadline is).</param>
public sealed record Headline(
    int Targets,
    IReadOnlyDictionary<string, int> TargetStatuses,
    int Tasks,
    IReadOnlyDictionary<string, int> TaskStatuses,
    int ReportsDue,
    int ReportsOverdue,
    int AwaitingReview,
    int InstructionsUnanswered,
    int Readings,
    int FollowUps,
    IReadOnlyDictionary<string, int> FollowUpStatuses);

public sealed record TargetGroupPanel(string Name, IReadOnlyList<TargetBar> Targets);

/// <summary>A target as a bar: value progress against time progress, with its status and every reading for the trend.</summary>
/// <param name="ValueProgress">Latest value / target value (may pass 1), null without a reading.</param>
/// <param name="Reason">Why it has its status: a <see cref="Jiaowang.Core.Progress.StatusReason"/> name.</param>
public sealed record TargetBar(
    int Id,
    string Metric,
    string Text,
    decimal Value,
    string Measure,
    string? Qualifier,
    decimal? Latest,
    DateOnly? AsOf,
    decimal? ValueProgress,
    decimal TimeProgress,
    string Status,
    string Reason,
    IReadOnlyList<TrendPoint> Readings);

public sealed record TrendPoint(DateOnly AsOf, decimal Value);

/// <summary>A unit in the league table (单位排名).</summary>
/// <param name="Due">Reports it owed by today (deadline passed).</param>
/// <param name="OnTime">Of those, first submitted on or before the deadline.</param>
/// <param name="AcceptedFirstTime">Reports accepted without ever being returned.</param>
/// <param name="Returned">Reports the office returned at least once.</param>
/// <param name="Overdue">Reports past their deadline and still not submitted today.</param>
/// <param name="InstructionsUnanswered">Leaders' instructions (批示) to the unit not yet answered.</param>
public sealed record UnitRow(int Id, string Name, int Due, int OnTime, int AcceptedFirstTime, int Returned, int Overdue, int InstructionsUnanswered)
{
    /// <summary>On-time share of due reports, null when nothing was due yet.</summary>
    public decimal? OnTimeRate => Due == 0 ? null : Math.Round((decimal)OnTime / Due, 4);
}

/// <summary>A column of the task × unit matrix.</summary>
public sealed record MatrixUnit(int Id, string Name);

public sealed record MatrixGroup(string Number, string Title, IReadOnlyList<MatrixRow> Tasks);

/// <param name="Cells">One per <see cref="DashboardModel.MatrixUnits"/> column, null where the unit has no part in the task.</param>
public sealed record MatrixRow(int TaskId, int Number, string Title, string Status, IReadOnlyList<MatrixCell?> Cells);

/// <summary>One unit's part in one task.</summary>
/// <param name="Role">lead (牵头) or co (配合).</param>
/// <param name="Status">The unit's own status on the task, by the task rules applied to its reports alone.</param>
/// <param name="ReportId">Its latest monthly report on the task, null when it has written none.</param>
/// <param name="ReportState">That report's state: draft, submitted, returned, accepted.</param>
public sealed record MatrixCell(int UnitId, string Role, string Status, int? ReportId, string? ReportState);
