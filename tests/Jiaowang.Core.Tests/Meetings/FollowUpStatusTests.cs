using Jiaowang.Core.Meetings;
using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Tests.Meetings;

public sealed class FollowUpStatusTests
{
    static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData(-30, Status.Behind)]
    [InlineData(-1, Status.Behind)]   // the deadline was yesterday
    [InlineData(0, Status.AtRisk)]    // due today: still in time, but only just
    [InlineData(7, Status.AtRisk)]    // a week left: the last day of the warning window
    [InlineData(8, Status.OnTrack)]   // the first day outside it
    [InlineData(90, Status.OnTrack)]
    public void An_open_item_is_coloured_by_the_days_left_to_its_deadline(int daysLeft, Status expected)
    {
        Assert.Equal(expected, FollowUpStatus.Of(FollowUpState.Open, Today.AddDays(daysLeft), Today));
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    public void A_done_item_is_done_whatever_its_deadline(int daysLeft)
    {
        Assert.Equal(Status.Done, FollowUpStatus.Of(FollowUpState.Done, Today.AddDays(daysLeft), Today));
    }

    [Fact]
    public void The_warning_window_can_be_narrowed()
    {
        Assert.Equal(Status.OnTrack, FollowUpStatus.Of(false, Today.AddDays(3), Today, atRiskDays: 2));
        Assert.Equal(Status.AtRisk, FollowUpStatus.Of(false, Today.AddDays(2), Today, atRiskDays: 2));
    }

    [Fact]
    public void Marking_done_needs_a_note_happens_once_and_reopening_clears_it()
    {
        var item = new FollowUp { Text = "完善外籍人士服务站点", UnitId = 1, Deadline = Today.AddDays(-2) };
        var at = new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(FollowUpError.NotDone, item.Reopen());
        Assert.Equal(FollowUpError.NoteRequired, item.MarkDone("  ", "liaison", at));
        Assert.Equal(Status.Behind, item.StatusOn(Today));
        Assert.Null(item.MarkDone(" 已完成站点建设 ", "liaison", at));
        Assert.Equal((FollowUpState.Done, "已完成站点建设", "liaison", at), (item.State, item.DoneNote, item.DoneBy, item.DoneAt));
        Assert.Equal(Status.Done, item.StatusOn(Today));
        Assert.Equal(FollowUpError.AlreadyDone, item.MarkDone("再次", "liaison", at));

        Assert.Null(item.Reopen());
        Assert.Equal((FollowUpState.Open, (string?)null, (string?)null), (item.State, item.DoneNote, item.DoneBy));
        Assert.Equal(Status.Behind, item.StatusOn(Today));
    }
}
