using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Progress;

/// <summary>
/// Judges a target from its latest value against time progress (序时进度), by the rules written down in
/// docs/STATUS-RULES.md. Plain inputs, plain result: no database, no clock.
/// </summary>
public static class TargetProgress
{
    /// <summary>A lag of up to this share of the target behind time progress still counts as on track.</summary>
    public const decimal OnTrackTolerance = 0.05m;
    /// <summary>A lag of up to this share is "at risk"; beyond it the target is behind.</summary>
    public const decimal AtRiskTolerance = 0.20m;
    /// <summary>A target qualified 左右 (about) is met at this share of its value.</summary>
    public const decimal ApproximateShare = 0.95m;

    /// <summary>Elapsed share of the span from the first day of <paramref name="start"/> to the last day of <paramref name="end"/>.</summary>
    public static decimal TimeProgress(YearMonth start, YearMonth end, DateOnly today)
    {
        var first = start.FirstDay.DayNumber;
        var last = end.LastDay.DayNumber;
        if (today.DayNumber < first) return 0m;
        if (today.DayNumber >= last) return 1m;
        return Math.Round((decimal)(today.DayNumber - first + 1) / (last - first + 1), 4);
    }

    /// <param name="targetValue">The target as written (129 for 129 个).</param>
    /// <param name="qualifier">The target's qualifier words (左右 makes it approximate).</param>
    /// <param name="latestValue">The latest reported value in the same unit, or null when none was reported.</param>
    /// <param name="timeProgress">From <see cref="TimeProgress"/>.</param>
    public static StatusAssessment Assess(decimal targetValue, string? qualifier, decimal? latestValue, decimal timeProgress)
    {
        if (latestValue is not { } value)
        {
            return timeProgress <= 0m
                ? new StatusAssessment(Status.OnTrack, StatusReason.NotStarted, null, timeProgress)
                : new StatusAssessment(timeProgress >= 0.5m ? Status.Behind : Status.AtRisk, StatusReason.NoReading, null, timeProgress);
        }

        var progress = targetValue == 0m ? 1m : Math.Round(value / targetValue, 4);
        var needed = qualifier?.Contains("左右") == true ? ApproximateShare : 1m;
        if (progress >= needed) return new StatusAssessment(Status.Done, StatusReason.TargetMet, progress, timeProgress);
        if (timeProgress >= 1m) return new StatusAssessment(Status.Behind, StatusReason.MissedAtEnd, progress, timeProgress);

        var lag = timeProgress - progress;
        return lag <= OnTrackTolerance ? new StatusAssessment(Status.OnTrack, StatusReason.KeepingPace, progress, timeProgress)
            : lag <= AtRiskTolerance ? new StatusAssessment(Status.AtRisk, StatusReason.LaggingSlightly, progress, timeProgress)
            : new StatusAssessment(Status.Behind, StatusReason.LaggingFar, progress, timeProgress);
    }
}
