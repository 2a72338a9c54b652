using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;

namespace Jiaowang.Web.Features.Demo;

/// <summary>How a target's figures develop over the demo year.</summary>
public enum DemoTrajectory
{
    /// <summary>Met months before the end.</summary>
    Early,
    /// <summary>Keeps pace with time progress and is met in the last months.</summary>
    OnTrack,
    /// <summary>A little behind time progress all year (存在风险).</summary>
    AtRisk,
    /// <summary>Far behind (进度滞后).</summary>
    Behind,
}

/// <summary>What kind of figure a target is, read from its wording, which decides where the readings start.</summary>
public enum FigureKind
{
    /// <summary>Counted from zero over the year: 举办国际性会展 70 场, 入境游客人数达到 156 万人次.</summary>
    Flow,
    /// <summary>A standing total that grows from today's level: 友城数量达到 129 个, 累计达到 1.9 万人, 航线达到 22 条.</summary>
    Stock,
    /// <summary>A rate for the year so far, which moves up and down: 同比增长 10% 左右.</summary>
    Rate,
}

/// <summary>
/// The monthly values of one target: time progress (序时进度, docs/STATUS-RULES.md) times a pace chosen by trajectory,
/// so that the status the platform computes from the readings is the one the trajectory intends.
/// </summary>
public static class DemoReadings
{
    public static FigureKind KindOf(string text, string measure)
    {
        if (measure.Contains('%') || text.Contains("增长")) return FigureKind.Rate;
        if (text.Contains("累计") || text.Contains("巩固")) return FigureKind.Stock;
        if (text.Contains("达到") && (text.Contains("数量") || measure is "条")) return FigureKind.Stock;
        return FigureKind.Flow;
    }

    /// <summary>Whole numbers for things counted one by one (个, 家, 场, 项, 条, 列, 家次); two decimals for 万人次, 万标箱, %.</summary>
    public static int DecimalsFor(string measure) => measure.Contains('万') || measure.Contains('%') || measure.Contains('亿') ? 2 : 0;

    /// <param name="span">The plan's span, whose elapsed share is time progress.</param>
    /// <param name="baseline">The target's stored 基数 (partner cities: 127): a standing total starts there, so its status is
    /// judged from where the city stood. Without one, a standing total starts at an invented level near the target.</param>
    /// <param name="decline">A rate the plan wants to fall (下降 3%): the readings are negative change rates.</param>
    /// <returns>The value as of the last day of each month from the span's first month to its last.</returns>
    public static IReadOnlyList<(DateOnly AsOf, decimal Value)> Monthly(DemoDice d, DemoTrajectory trajectory, FigureKind kind, decimal target,
        string measure, (YearMonth Start, YearMonth End) span, decimal? baseline = null, bool decline = false)
    {
        // The pace, as a share of the target against time progress, fixed once per target.
        var (pace, lag, finalShare) = trajectory switch
        {
            DemoTrajectory.Early => (d.Between(1.45m, 1.8m), 0m, d.Between(1.02m, 1.12m)),
            DemoTrajectory.OnTrack => (d.Between(1.0m, 1.08m), -d.Between(0.02m, 0.04m), d.Between(1.0m, 1.05m)),
            DemoTrajectory.AtRisk => (1m, d.Between(0.08m, 0.12m), d.Between(0.9m, 0.97m)),
            _ => (d.Between(0.55m, 0.7m), d.Between(0.05m, 0.1m), d.Between(0.7m, 0.85m)),
        };
        // A standing total starts from where the city stands before the plan: its baseline when the documents give one,
        // else (a demo value, like every reading) most of the target already. Drawn either way, so the stream stays the same.
        var invented = kind == FigureKind.Stock ? d.Between(0.86m, 0.96m) : 0m;
        var start = kind != FigureKind.Stock ? 0m
            : baseline is { } b && target > 0m && b < target ? b / target
            : invented;
        var decimals = DecimalsFor(measure);
        var values = new List<(DateOnly, decimal)>();
        var previous = 0m;
        for (var month = span.Start; month <= span.End; month = month.AddMonths(1))
        {
            var time = TargetProgress.TimeProgress(span.Start, span.End, month.LastDay);
            // Lags build up over the first months rather than starting below zero.
            var share = Math.Clamp(time * pace - lag * Math.Min(1m, time / 0.3m), 0m, finalShare);
            if (month == span.End) share = finalShare;
            decimal value;
            if (kind == FigureKind.Rate)
            {
                // A growth rate for the year so far: near its final level from the start, moving a little each month.
                value = target * Math.Max(0m, finalShare + d.Between(-0.12m, 0.08m) * (1m - time));
                if (decline) value = -value;
            }
            else
            {
                value = target * (start + (1m - start) * share);
                // Counts never go down.
                value = Math.Max(value, previous);
            }
            value = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            previous = value;
            values.Add((month.LastDay, value));
        }
        return values;
    }
}
