namespace Jiaowang.Core.Supervision;

/// <summary>
/// Working days (工作日): Monday to Friday. Public holidays and the weekends worked in exchange (调休) are not known to
/// the platform; an office that needs them counts a day more in the ladder's settings.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to ≤ from).</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var days = to.DayNumber - from.DayNumber;
        var weeks = days / 7;
        var count = weeks * 5;
        for (var d = from.AddDays(weeks * 7 + 1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }

    /// <summary>The day that is <paramref name="n"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly Add(DateOnly from, int n)
    {
        var day = from;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) n--;
        }
        return day;
    }
}
