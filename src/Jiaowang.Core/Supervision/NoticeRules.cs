namespace Jiaowang.Core.Supervision;

/// <summary>The three colours of a supervision notice (督办单), as offices use them.</summary>
public enum NoticeColour
{
    /// <summary>蓝色: a deadline is near.</summary>
    Blue,
    /// <summary>黄色: behind the expected pace (序时进度).</summary>
    Yellow,
    /// <summary>红色: overdue.</summary>
    Red,
}

public enum NoticeStatus
{
    /// <summary>Issued, waiting for the unit's answer (答复).</summary>
    Open,
    /// <summary>The unit answered and asks to close it; the office verifies (复核).</summary>
    Answered,
    /// <summary>Verified and closed (办结销号).</summary>
    Closed,
}

public static class NoticeRules
{
    public const int MaxSubject = 500;
    public const int MaxAnswer = 4000;

    /// <summary>〔2026〕第 7 号: the year in hexagonal brackets (六角括号), the number without leading zeros.</summary>
    public static string Number(int year, int sequence) => $"〔{year}〕第 {sequence} 号";

    /// <summary>
    /// The colour for an item due on <paramref name="due"/>: red once it is past, yellow when behind the expected pace,
    /// blue otherwise (a deadline that is near is the reason a blue notice is issued at all).
    /// </summary>
    public static NoticeColour Colour(DateOnly? due, DateOnly today, bool behindPace) =>
        due is { } d && today > d ? NoticeColour.Red
        : behindPace ? NoticeColour.Yellow
        : NoticeColour.Blue;

    /// <summary>
    /// The colour a notice shows today: it follows time while the notice is not closed, and only darkens — red once the
    /// item it is about is past due and still not done (<paramref name="stillDue"/>), or once the notice's own respond-by
    /// day has passed unanswered; yellow when the task is behind the expected pace. A closed notice keeps its colour at
    /// issue, which stays on the record and in the history either way.
    /// </summary>
    /// <param name="stillDue">The item's due day while it is still owed (not reported, not done); null otherwise.</param>
    public static NoticeColour Current(NoticeColour atIssue, NoticeStatus status, DateOnly respondBy, DateOnly? stillDue, bool behindPace, DateOnly today)
    {
        if (status == NoticeStatus.Closed) return atIssue;
        var now = status == NoticeStatus.Open && today > respondBy ? NoticeColour.Red : Colour(stillDue, today, behindPace);
        return now > atIssue ? now : atIssue;
    }

    public static string ColourName(NoticeColour colour) => colour switch
    {
        NoticeColour.Red => "红色",
        NoticeColour.Yellow => "黄色",
        _ => "蓝色",
    };
}
