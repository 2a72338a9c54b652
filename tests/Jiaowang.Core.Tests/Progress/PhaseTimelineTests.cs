using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Tests.Progress;

public sealed class PhaseTimelineTests
{
    static readonly (string, YearMonth, YearMonth)[] WuhanPhases =
    [
        ("动员部署阶段", new(2026, 3), new(2026, 3)),
        ("办理落实阶段", new(2026, 4), new(2026, 9)),
        ("总结汇报阶段", new(2026, 10), new(2026, 12)),
    ];

    [Fact]
    public void Each_phase_is_as_wide_as_its_months_and_today_is_marked_in_the_current_one()
    {
        var timeline = PhaseTimeline.Build(WuhanPhases, new DateOnly(2026, 6, 15));

        Assert.Equal([PhaseState.Done, PhaseState.Current, PhaseState.Upcoming], timeline.Segments.Select(s => s.State));
        Assert.Equal(0, timeline.Segments[0].OffsetPercent);
        Assert.Equal(100, Math.Round(timeline.Segments.Sum(s => s.WidthPercent)), 0);
        Assert.True(timeline.Segments[1].WidthPercent > 5 * timeline.Segments[0].WidthPercent);
        Assert.InRange(timeline.TodayPercent!.Value, timeline.Segments[1].OffsetPercent, timeline.Segments[2].OffsetPercent);
    }

    [Fact]
    public void Before_the_plan_starts_and_after_it_ends_today_is_not_on_the_bar()
    {
        var before = PhaseTimeline.Build(WuhanPhases, new DateOnly(2026, 1, 1));
        var after = PhaseTimeline.Build(WuhanPhases, new DateOnly(2027, 1, 1));

        Assert.Null(before.TodayPercent);
        Assert.All(before.Segments, s => Assert.Equal(PhaseState.Upcoming, s.State));
        Assert.Null(after.TodayPercent);
        Assert.All(after.Segments, s => Assert.Equal(PhaseState.Done, s.State));
    }

    [Fact]
    public void A_plan_without_phases_has_an_empty_timeline()
    {
        Assert.Empty(PhaseTimeline.Build([], new DateOnly(2026, 6, 1)).Segments);
    }
}
