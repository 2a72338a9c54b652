namespace Jiaowang.Web.Features.Notifications;

/// <summary>When an outside message may go: after quiet hours, at the digest hour, after a back-off.</summary>
public static class DeliveryTiming
{
    /// <summary>The first moment at or after <paramref name="now"/> outside the quiet hours (local time of <paramref name="clock"/>).</summary>
    public static DateTimeOffset AfterQuietHours(DateTimeOffset now, TimeOnly? from, TimeOnly? to, TimeProvider clock)
    {
        if (from is not { } f || to is not { } t || f == t) return now;
        var local = TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        // 22:00–07:00 spans midnight; 12:00–14:00 does not.
        var quiet = f < t ? time >= f && time < t : time >= f || time < t;
        if (!quiet) return now;
        var endDay = f < t || time < t ? local.Date : local.Date.AddDays(1);
        return new DateTimeOffset(endDay + t.ToTimeSpan(), local.Offset);
    }

    /// <summary>The next digest hour at or after <paramref name="now"/>, moved past quiet hours.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, TimeOnly at, TimeOnly? from, TimeOnly? to, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(now, clock.LocalTimeZone);
        var today = new DateTimeOffset(local.Date + at.ToTimeSpan(), local.Offset);
        var next = today > local ? today : today.AddDays(1);
        return AfterQuietHours(next, from, to, clock);
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: doubling from <paramref name="first"/>, capped.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
        return wait;
    }

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
