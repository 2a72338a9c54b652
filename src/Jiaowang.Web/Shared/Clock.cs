namespace Jiaowang.Web.Shared;

public static class Clock
{
    /// <summary>Today's date where the server runs: the day statuses and "today" on the timeline refer to.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
