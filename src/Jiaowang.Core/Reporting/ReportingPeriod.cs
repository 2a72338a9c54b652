namespace Jiaowang.Core.Reporting;

/// <summary>What a reporting period asks for.</summary>
public enum PeriodKind
{
    /// <summary>月报: one report per task and unit for each month of the implementation phase.</summary>
    Monthly = 0,
    /// <summary>阶段性总结: one summary per unit at the end of a phase.</summary>
    StageSummary = 1,
    /// <summary>办理工作情况总结: each unit's final summary, in the summary phase.</summary>
    FinalSummary = 2,
}

/// <summary>
/// A reporting period (报送周期) of a plan: what it covers and when reports are due. Generated from the plan's phases by
/// <see cref="PeriodPlanner"/>; the office may move a deadline afterwards.
/// </summary>
public class ReportingPeriod
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public PeriodKind Kind { get; set; }
    /// <summary>The phase the period belongs to (its <c>Position</c> in the plan).</summary>
    public int PhasePosition { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>Monthly periods ask for one report per task; summaries for one per unit.</summary>
    public bool PerTask => Kind == PeriodKind.Monthly;

    /// <summary>Reports can be written from the first day of the period until the office closes the plan.</summary>
    public bool IsOpen(DateOnly today) => today >= Start;

    public bool IsOverdue(DateOnly today) => today > Deadline;

    /// <summary>
    /// Who owes a report in this period, from the plan's task assignments: every (task, unit) pair for a monthly period,
    /// every unit once, with no task, for a summary. The overdue list, the dashboard and the documents all count from here.
    /// </summary>
    public IEnumerable<(int? TaskId, TAssignment Assignment)> Owed<TAssignment>(IEnumerable<TAssignment> assignments,
        Func<TAssignment, int> taskId, Func<TAssignment, int> unitId) =>
        PerTask
            ? assignments.Select(a => ((int?)taskId(a), a))
            : assignments.DistinctBy(unitId).Select(a => ((int?)null, a));
}
