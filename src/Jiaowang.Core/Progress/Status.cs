namespace Jiaowang.Core.Progress;

/// <summary>
/// The traffic light every target and task carries (see docs/STATUS-RULES.md):
/// on track 绿, at risk 黄, behind 红, done 蓝.
/// </summary>
public enum Status
{
    OnTrack,
    AtRisk,
    Behind,
    Done,
}

/// <summary>Why a status was given; the web host turns the code into a sentence in the reader's language.</summary>
public enum StatusReason
{
    /// <summary>The latest value meets the target.</summary>
    TargetMet,
    /// <summary>Value progress keeps pace with time progress (序时进度).</summary>
    KeepingPace,
    /// <summary>Value progress lags time progress a little.</summary>
    LaggingSlightly,
    /// <summary>Value progress lags time progress by more than the tolerance.</summary>
    LaggingFar,
    /// <summary>No value has been reported yet, and the plan is under way.</summary>
    NoReading,
    /// <summary>The plan has not started: nothing is expected yet.</summary>
    NotStarted,
    /// <summary>The plan is over and the target was not met.</summary>
    MissedAtEnd,
    /// <summary>A growth rate at or above its target: on course, judged as a rate (not accrued).</summary>
    RateOnCourse,
    /// <summary>A growth rate a little below its target.</summary>
    RateBelowSlightly,
    /// <summary>A growth rate far below its target.</summary>
    RateBelowFar,
    /// <summary>A level to keep (巩固/保持) that is held.</summary>
    LevelHeld,
    /// <summary>A level to keep that has fallen below its floor.</summary>
    LevelFallen,
    /// <summary>A ceiling (控制在…以内) not exceeded.</summary>
    UnderCeiling,
    /// <summary>A ceiling exceeded.</summary>
    OverCeiling,
    /// <summary>A decline (下降 x%) at least as deep as its target.</summary>
    DeclineOnCourse,
    /// <summary>A decline a little short of its target.</summary>
    DeclineShortSlightly,
    /// <summary>A decline far short of its target, or a rise where a decline is wanted.</summary>
    DeclineShortFar,
}

/// <summary>A status with the figures behind it.</summary>
/// <param name="ValueProgress">Latest value / target value (0 … ∞), null without a reading.</param>
/// <param name="TimeProgress">Elapsed share of the plan's span (0 … 1).</param>
public sealed record StatusAssessment(Status Status, StatusReason Reason, decimal? ValueProgress, decimal TimeProgress)
{
    /// <summary>The rule that applied (docs/STATUS-RULES.md, "Target kinds").</summary>
    public TargetKind Kind { get; init; } = TargetKind.New;
    /// <summary>基数 the progress was counted from, when the kind uses one.</summary>
    public decimal? Baseline { get; init; }
    /// <summary>The target as written.</summary>
    public decimal? Target { get; init; }
    /// <summary>The latest reading, as written.</summary>
    public decimal? Latest { get; init; }
    /// <summary>A growth target that wants a decline (下降 x%): <see cref="Target"/> is the fall wanted, <see cref="Latest"/> the signed change.</summary>
    public bool Decline { get; init; }
    /// <summary>The unit the plan writes the target in (%, 个百分点, 个), when the caller knows it; for the reason's wording.</summary>
    public string? Unit { get; init; }
}
