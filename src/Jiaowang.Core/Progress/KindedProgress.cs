namespace Jiaowang.Core.Progress;

/// <summary>
/// Judges a target by its kind (docs/STATUS-RULES.md, "Target kinds"): a level or running total from its baseline, a count
/// from zero, a growth rate as a rate, a level to keep, a ceiling, a share. Plain inputs, plain result.
/// </summary>
public static class KindedProgress
{
    /// <summary>A rate this far (as a share of its target) below the target is at risk; further below, behind.</summary>
    public const decimal RateTolerance = 0.20m;

    /// <param name="kind">The target's kind.</param>
    /// <param name="targetValue">The target as written (129 for 129 个; 10 for 10%).</param>
    /// <param name="baseline">基数, for level, cumulative and share (null counts from zero); for keep, the floor (null: the target).</param>
    /// <param name="qualifier">The target's qualifier words (左右 makes it approximate).</param>
    /// <param name="latestValue">The latest reading, in the unit the plan writes.</param>
    /// <param name="timeProgress">序时进度: linear, or by the target's time profile (<see cref="TimeProfiles"/>).</param>
    /// <param name="decline">For a growth target: the plan wants a decline of <paramref name="targetValue"/> (下降 3%), and the
    /// reading is the signed change (−3.5 for 下降 3.5%). Ignored for other kinds.</param>
    public static StatusAssessment Assess(TargetKind kind, decimal targetValue, decimal? baseline, string? qualifier, decimal? latestValue, decimal timeProgress,
        bool decline = false)
    {
        decline &= kind == TargetKind.Growth;
        var a = kind switch
        {
            TargetKind.Growth => Rate(decline ? -targetValue : targetValue, qualifier, latestValue, timeProgress, decline),
            TargetKind.Keep => Keep(baseline ?? targetValue, latestValue, timeProgress),
            TargetKind.Ceiling => Ceiling(targetValue, latestValue, timeProgress),
            TargetKind.New => TargetProgress.Assess(targetValue, qualifier, latestValue, timeProgress),
            _ => FromBaseline(targetValue, baseline ?? 0m, qualifier, latestValue, timeProgress),
        };
        return a with
        {
            Kind = kind,
            Baseline = kind is TargetKind.New or TargetKind.Growth or TargetKind.Ceiling ? null : kind == TargetKind.Keep ? baseline ?? targetValue : baseline ?? 0m,
            Target = targetValue,
            Latest = latestValue,
            Decline = decline,
        };
    }

    static StatusAssessment? Unread(decimal? latest, decimal time) => latest is not null ? null
        : time <= 0m ? new StatusAssessment(Status.OnTrack, StatusReason.NotStarted, null, time)
        : new StatusAssessment(time >= 0.5m ? Status.Behind : Status.AtRisk, StatusReason.NoReading, null, time);

    /// <summary>Level, cumulative, share: progress = (now − base) / (target − base), against time progress.</summary>
    static StatusAssessment FromBaseline(decimal target, decimal baseline, string? qualifier, decimal? latest, decimal time)
    {
        if (Unread(latest, time) is { } unread) return unread;
        var value = latest!.Value;
        var gap = target - baseline;
        var progress = gap <= 0m ? (value >= target ? 1m : 0m) : Math.Round((value - baseline) / gap, 4);
        // 左右 ("about") is met at 95 % of the target itself, as for counts from zero.
        var met = value >= target || (qualifier?.Contains("左右") == true && value >= target * TargetProgress.ApproximateShare);
        if (met) return new StatusAssessment(Status.Done, StatusReason.TargetMet, Math.Max(progress, 1m), time);
        if (time >= 1m) return new StatusAssessment(Status.Behind, StatusReason.MissedAtEnd, progress, time);
        var lag = time - progress;
        return lag <= TargetProgress.OnTrackTolerance ? new StatusAssessment(Status.OnTrack, StatusReason.KeepingPace, progress, time)
            : lag <= TargetProgress.AtRiskTolerance ? new StatusAssessment(Status.AtRisk, StatusReason.LaggingSlightly, progress, time)
            : new StatusAssessment(Status.Behind, StatusReason.LaggingFar, progress, time);
    }

    /// <summary>
    /// Growth rate: the latest year-to-date rate against the target rate; done only when the plan is over. A decline is the
    /// same rule with the signed target (−3 for 下降 3%): −3.5 is 117 % of the fall wanted, +1 is below zero.
    /// </summary>
    static StatusAssessment Rate(decimal target, string? qualifier, decimal? latest, decimal time, bool decline)
    {
        if (Unread(latest, time) is { } unread) return unread;
        var value = latest!.Value;
        var share = target == 0m ? ((decline ? -value : value) >= 0m ? 1m : 0m) : Math.Round(value / target, 4);
        var needed = qualifier?.Contains("左右") == true ? TargetProgress.ApproximateShare : 1m;
        if (time >= 1m)
            return share >= needed ? new StatusAssessment(Status.Done, StatusReason.TargetMet, share, time)
                : new StatusAssessment(Status.Behind, StatusReason.MissedAtEnd, share, time);
        return share >= needed ? new StatusAssessment(Status.OnTrack, decline ? StatusReason.DeclineOnCourse : StatusReason.RateOnCourse, share, time)
            : share >= needed - RateTolerance ? new StatusAssessment(Status.AtRisk, decline ? StatusReason.DeclineShortSlightly : StatusReason.RateBelowSlightly, share, time)
            : new StatusAssessment(Status.Behind, decline ? StatusReason.DeclineShortFar : StatusReason.RateBelowFar, share, time);
    }

    /// <summary>Keep: on track while the level is at or above its floor, done when the plan ends holding it.</summary>
    static StatusAssessment Keep(decimal floor, decimal? latest, decimal time)
    {
        if (Unread(latest, time) is { } unread) return unread;
        var share = floor == 0m ? 1m : Math.Round(latest!.Value / floor, 4);
        if (latest!.Value < floor) return new StatusAssessment(Status.Behind, time >= 1m ? StatusReason.MissedAtEnd : StatusReason.LevelFallen, share, time);
        return time >= 1m ? new StatusAssessment(Status.Done, StatusReason.TargetMet, share, time)
            : new StatusAssessment(Status.OnTrack, StatusReason.LevelHeld, share, time);
    }

    /// <summary>Ceiling: lower is better; over the ceiling is behind at once, under it is on track and done at the end.</summary>
    static StatusAssessment Ceiling(decimal ceiling, decimal? latest, decimal time)
    {
        if (Unread(latest, time) is { } unread) return unread;
        var share = ceiling == 0m ? (latest!.Value <= 0m ? 0m : 1m) : Math.Round(latest!.Value / ceiling, 4);
        if (latest.Value > ceiling) return new StatusAssessment(Status.Behind, StatusReason.OverCeiling, share, time);
        return time >= 1m ? new StatusAssessment(Status.Done, StatusReason.TargetMet, share, time)
            : new StatusAssessment(Status.OnTrack, StatusReason.UnderCeiling, share, time);
    }
}

/// <summary>
/// A time profile: twelve monthly weights (January … December) the office chooses for a target that accrues unevenly
/// (trade, visitors); 序时进度 is then the weighted share of the plan's months elapsed instead of the day share.
/// </summary>
public static class TimeProfiles
{
    /// <summary>Parses "1,1,1.2,…" (twelve non-negative weights, not all zero); null when the text is not one.</summary>
    public static decimal[]? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 12) return null;
        var weights = new decimal[12];
        for (var i = 0; i < 12; i++)
        {
            if (!decimal.TryParse(parts[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out weights[i]) || weights[i] < 0m) return null;
        }
        return weights.Sum() > 0m ? weights : null;
    }

    public static string Format(IEnumerable<decimal> weights) =>
        string.Join(',', weights.Select(w => w.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The weighted elapsed share of the span: whole months by weight, the current month by its day share.</summary>
    public static decimal TimeProgress(Documents.YearMonth start, Documents.YearMonth end, DateOnly today, IReadOnlyList<decimal>? weights)
    {
        if (weights is not { Count: 12 }) return TargetProgress.TimeProgress(start, end, today);
        if (today.DayNumber < start.FirstDay.DayNumber) return 0m;
        if (today.DayNumber >= end.LastDay.DayNumber) return 1m;
        decimal total = 0m, elapsed = 0m;
        for (var m = start; m <= end; m = m.AddMonths(1))
        {
            var w = weights[m.FirstDay.Month - 1];
            total += w;
            if (today >= m.LastDay) elapsed += w;
            else if (today >= m.FirstDay) elapsed += w * (today.Day) / DateTime.DaysInMonth(m.FirstDay.Year, m.FirstDay.Month);
        }
        return total == 0m ? TargetProgress.TimeProgress(start, end, today) : Math.Round(elapsed / total, 4);
    }
}
