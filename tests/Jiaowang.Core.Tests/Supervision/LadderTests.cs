using Jiaowang.Core.Supervision;

namespace Jiaowang.Core.Tests.Supervision;

public sealed class LadderTests
{
    // Friday 10 July 2026.
    static readonly DateOnly Friday = new(2026, 7, 10);

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        Assert.Equal(1, WorkingDays.Between(Friday, Friday.AddDays(3)));   // Monday
        Assert.Equal(0, WorkingDays.Between(Friday, Friday.AddDays(2)));   // Sunday
        Assert.Equal(5, WorkingDays.Between(Friday, Friday.AddDays(7)));
        Assert.Equal(10, WorkingDays.Between(Friday, Friday.AddDays(14)));
        Assert.Equal(0, WorkingDays.Between(Friday, Friday.AddDays(-3)));
        Assert.Equal(Friday.AddDays(3), WorkingDays.Add(Friday, 1));
        Assert.Equal(Friday.AddDays(7), WorkingDays.Add(Friday, 5));
    }

    [Fact]
    public void Working_days_counted_one_by_one_agree_with_the_shortcut()
    {
        for (var span = 0; span < 40; span++)
        {
            var slow = Enumerable.Range(1, span).Count(d => WorkingDays.IsWorkingDay(Friday.AddDays(d)));
            Assert.Equal(slow, WorkingDays.Between(Friday, Friday.AddDays(span)));
        }
    }

    [Fact]
    public void An_item_climbs_the_default_ladder_by_working_days_late()
    {
        var s = LadderSettings.Default;
        Assert.Empty(Ladder.Reached(Friday, Friday.AddDays(-1), s));
        Assert.Equal([LadderStep.DueDay], Ladder.Reached(Friday, Friday, s));
        // Monday and Tuesday: one and two working days late; Wednesday: three, the second reminder.
        Assert.Equal([LadderStep.DueDay], Ladder.Reached(Friday, Friday.AddDays(4), s));
        Assert.Equal([LadderStep.DueDay, LadderStep.SecondReminder], Ladder.Reached(Friday, Friday.AddDays(5), s));
        Assert.Equal([LadderStep.DueDay, LadderStep.SecondReminder, LadderStep.Notice], Ladder.Reached(Friday, Friday.AddDays(7), s));
        Assert.Equal(LadderStep.Bulletin, Ladder.Reached(Friday, Friday.AddDays(14), s)[^1]);
        Assert.Equal(LadderStep.Leaders, Ladder.Reached(Friday, Friday.AddDays(21), s)[^1]);
        Assert.Empty(Ladder.Reached(Friday, Friday.AddDays(21), s with { Enabled = false }));
    }

    [Fact]
    public void Receipt_is_overdue_after_the_working_days_allowed()
    {
        var s = LadderSettings.Default; // two working days
        Assert.False(Ladder.ReceiptOverdue(Friday, Friday.AddDays(3), s));
        Assert.True(Ladder.ReceiptOverdue(Friday, Friday.AddDays(4), s));
    }

    [Fact]
    public void Settings_out_of_order_name_the_field_at_fault()
    {
        Assert.Null(LadderSettings.Default.Problem());
        Assert.Equal("NoticeAfter", (LadderSettings.Default with { NoticeAfter = 2 }).Problem());
        Assert.Equal("ReceiptWorkingDays", (LadderSettings.Default with { ReceiptWorkingDays = 0 }).Problem());
        Assert.Equal("LeadersAfter", (LadderSettings.Default with { LeadersAfter = 9 }).Problem());
    }

    [Fact]
    public void Notices_are_numbered_and_coloured_as_offices_write_them()
    {
        Assert.Equal("〔2026〕第 7 号", NoticeRules.Number(2026, 7));
        Assert.Equal(NoticeColour.Red, NoticeRules.Colour(Friday, Friday.AddDays(1), behindPace: false));
        Assert.Equal(NoticeColour.Red, NoticeRules.Colour(Friday, Friday.AddDays(1), behindPace: true));
        Assert.Equal(NoticeColour.Yellow, NoticeRules.Colour(Friday, Friday, behindPace: true));
        Assert.Equal(NoticeColour.Blue, NoticeRules.Colour(Friday, Friday.AddDays(-2), behindPace: false));
        Assert.Equal(NoticeColour.Blue, NoticeRules.Colour(null, Friday, behindPace: false));
        Assert.Equal("红色", NoticeRules.ColourName(NoticeColour.Red));
    }
}
