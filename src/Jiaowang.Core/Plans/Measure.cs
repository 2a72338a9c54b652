namespace Jiaowang.Core.Plans;

/// <summary>
/// One measure a task names (一是…二是…), tracked on its own: led by the task's lead unit, due by the task's deadline
/// where the plan gives one, open until the office marks it done.
/// </summary>
public class Measure
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask? Task { get; set; }
    /// <summary>Its place among the task's measures, from 0.</summary>
    public int Position { get; set; }
    public required string Text { get; set; }
    /// <summary>完成时限 as the plan writes it ("2026年12月底前"); null when it gives none.</summary>
    public string? Deadline { get; set; }
    public MeasureStatus Status { get; set; }
    /// <summary>When it was marked done, by whom; null while open.</summary>
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}

public enum MeasureStatus
{
    Open = 0,
    Done = 1,
}
