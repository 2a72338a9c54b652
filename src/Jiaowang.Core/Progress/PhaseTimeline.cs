using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Progress;

public enum PhaseState
{
    Upcoming,
    Current,
    Done,
}

/// <summary>One phase laid on the plan's timeline, as shares of the whole span (0–100).</summary>
public sealed record TimelineSegment(string Name, YearMonth Start, YearMonth End, double OffsetPercent, double WidthPercent, PhaseState State);

/// <summary>The phases of a plan on one line from the first phase's first day to the last phase's last day, with today marked.</summary>
public sealed record PhaseTimeline(IReadOnlyList<TimelineSegment> Segments, double? TodayPercent, DateOnly Today)
{
    public static PhaseTimeline Build(IEnumerable<(string Name, YearMonth Start, YearMonth End)> phases, DateOnly today)
    {
        var list = phases.OrderBy(p => p.Start).ToList();
        if (list.Count == 0) return new PhaseTimeline([], null, today);

        var first = list.Min(p => p.Start).FirstDay;
        var last = list.Max(p => p.End).LastDay;
        double totalDays = last.DayNumber - first.DayNumber + 1;
        double Percent(DateOnly day) => Math.Round((day.DayNumber - first.DayNumber) / totalDays * 100, 2);

        var segments = list.Select(p => new TimelineSegment(
            p.Name,
            p.Start,
            p.End,
            Percent(p.Start.FirstDay),
            Math.Round((p.End.LastDay.DayNumber - p.Start.FirstDay.DayNumber + 1) / totalDays * 100, 2),
            today > p.End.LastDay ? PhaseState.Done : today >= p.Start.FirstDay ? PhaseState.Current : PhaseState.Upcoming)).ToList();

        // Today is marked only when it falls inside the plan's span; before or after it there is nothing to point at.
        double? todayPercent = today >= first && today <= last ? Percent(today) : null;
        return new PhaseTimeline(segments, todayPercent, today);
    }
}
