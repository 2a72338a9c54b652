using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Tests.Progress;

public sealed class TargetProgressTests
{
    static readonly YearMonth March = new(2026, 3);
    static readonly YearMonth December = new(2026, 12);

    [Fact]
    public void Time_progress_runs_from_the_first_day_of_the_first_month_to_the_last_day_of_the_last()
    {
        Assert.Equal(0m, TargetProgress.TimeProgress(March, December, new DateOnly(2026, 2, 28)));
        Assert.Equal(1m, TargetProgress.TimeProgress(March, December, new DateOnly(2026, 12, 31)));
        Assert.Equal(1m, TargetProgress.TimeProgress(March, December, new DateOnly(2027, 1, 15)));
        // 1 Mar – 31 Dec is 306 days; by the end of July 153 have passed: half way.
        Assert.Equal(0.5m, TargetProgress.TimeProgress(March, December, new DateOnly(2026, 7, 31)));
    }

    [Fact]
    public void Partner_cities_127_of_129_keep_pace_in_December_are_missed_at_year_end_and_129_is_done()
    {
        var firstOfDecember = TargetProgress.TimeProgress(March, December, new DateOnly(2026, 12, 1));

        var now = TargetProgress.Assess(129, "达到", 127, firstOfDecember);
        var atYearEnd = TargetProgress.Assess(129, "达到", 127, 1m);
        var after = TargetProgress.Assess(129, "达到", 129, firstOfDecember);

        Assert.Equal((Status.OnTrack, StatusReason.KeepingPace), Pick(now));
        Assert.Equal(0.9845m, now.ValueProgress);
        Assert.Equal((Status.Behind, StatusReason.MissedAtEnd), Pick(atYearEnd));
        Assert.Equal((Status.Done, StatusReason.TargetMet), Pick(after));
    }

    [Theory]
    [InlineData(0.50, 0.47, Status.OnTrack, StatusReason.KeepingPace)]
    [InlineData(0.50, 0.40, Status.AtRisk, StatusReason.LaggingSlightly)]
    [InlineData(0.50, 0.20, Status.Behind, StatusReason.LaggingFar)]
    [InlineData(0.30, 0.60, Status.OnTrack, StatusReason.KeepingPace)]
    public void Value_progress_is_judged_against_time_progress(double time, double share, Status status, StatusReason reason)
    {
        var assessment = TargetProgress.Assess(100, "达到", (decimal)share * 100, (decimal)time);
        Assert.Equal(status, assessment.Status);
        Assert.Equal(reason, assessment.Reason);
    }

    [Fact]
    public void An_approximate_target_is_met_within_five_percent()
    {
        Assert.Equal(Status.Done, TargetProgress.Assess(10, "增长、左右", 9.6m, 0.5m).Status);
        Assert.NotEqual(Status.Done, TargetProgress.Assess(10, "增长", 9.6m, 0.5m).Status);
    }

    [Fact]
    public void Without_a_reading_a_target_is_at_risk_once_the_plan_runs_and_behind_from_half_way()
    {
        Assert.Equal((Status.OnTrack, StatusReason.NotStarted), Pick(TargetProgress.Assess(70, null, null, 0m)));
        Assert.Equal((Status.AtRisk, StatusReason.NoReading), Pick(TargetProgress.Assess(70, null, null, 0.2m)));
        Assert.Equal((Status.Behind, StatusReason.NoReading), Pick(TargetProgress.Assess(70, null, null, 0.6m)));
    }

    [Fact]
    public void A_target_missed_when_the_plan_is_over_is_behind()
    {
        Assert.Equal((Status.Behind, StatusReason.MissedAtEnd), Pick(TargetProgress.Assess(70, null, 69, 1m)));
    }

    static (Status, StatusReason) Pick(StatusAssessment a) => (a.Status, a.Reason);
}
