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
}

/// <summary>A status with the figures behind it.</summary>
/// <param name="ValueProgress">Latest value / target value (0 … ∞), null without a reading.</param>
/// <param name="TimeProgress">Elapsed share of the plan's span (0 … 1).</param>
public sealed record StatusAssessment(Status Status, StatusReason Reason, decimal? ValueProgress, decimal TimeProgress);
