using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Meetings;

/// <summary>
/// The status of anything with a deadline and a done flag (meeting follow-ups, and whatever else wants the same
/// lights): done 蓝; past the deadline 红; due within <see cref="AtRiskDays"/> days, the deadline day included, 黄;
/// otherwise 绿. See docs/STATUS-RULES.md.
/// </summary>
public static class FollowUpStatus
{
    /// <summary>
    /// A week: the office's 督办 cycle. An item due within a week gets a reminder call, so it shows yellow from then on.
    /// </summary>
    public const int AtRiskDays = 7;

    public static Status Of(FollowUpState state, DateOnly deadline, DateOnly today, int atRiskDays = AtRiskDays) =>
        Of(state == FollowUpState.Done, deadline, today, atRiskDays);

    public static Status Of(bool done, DateOnly deadline, DateOnly today, int atRiskDays = AtRiskDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atRiskDays);
        if (done) return Status.Done;
        var daysLeft = deadline.DayNumber - today.DayNumber;
        if (daysLeft < 0) return Status.Behind;
        return daysLeft <= atRiskDays ? Status.AtRisk : Status.OnTrack;
    }
}
