using Jiaowang.Core.Evaluations;

namespace Jiaowang.Core.Tests.Evaluations;

/// <summary>Closing a vote early takes two people, and results open only after the close with enough ballots.</summary>
public class EarlyCloseTests
{
    static readonly DateTimeOffset Opened = new(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(8));
    static readonly TimeSpan Day = TimeSpan.FromDays(1);

    static Evaluation Vote() => new() { Title = "测评", OpenedBy = "office", OpenedAt = Opened, ClosesAt = Opened.AddDays(7) };

    [Fact]
    public void A_request_does_not_close_the_vote_and_the_requester_cannot_confirm_it()
    {
        var vote = Vote();

        Assert.Null(vote.RequestClose("office", "  会议提前 ", Opened, Day));

        Assert.False(vote.IsClosed(Opened.AddHours(1)));
        Assert.Equal("会议提前", vote.CloseRequestReason);
        Assert.Equal(EarlyCloseError.SamePerson, vote.ConfirmClose("OFFICE", Opened.AddHours(1), Day));
        Assert.Equal(EarlyCloseError.AlreadyRequested, vote.RequestClose("office2", "再来一次", Opened.AddHours(1), Day));
        Assert.Null(vote.ConfirmClose("admin", Opened.AddHours(2), Day));
        // The closing time becomes the confirmation.
        Assert.Equal(Opened.AddHours(2), vote.ClosedAt);
        Assert.True(vote.IsClosed(Opened.AddHours(2)));
        Assert.Equal(EarlyCloseError.Closed, vote.ConfirmClose("admin2", Opened.AddHours(3), Day));
    }

    [Fact]
    public void A_request_needs_a_plain_reason_and_lapses_or_is_refused_without_closing_anything()
    {
        var vote = Vote();
        Assert.Equal(EarlyCloseError.ReasonRequired, vote.RequestClose("office", " \u0007 ", Opened, Day));
        Assert.Equal(EarlyCloseError.ReasonBad, vote.RequestClose("office", "<script>x</script>", Opened, Day));
        Assert.Equal(EarlyCloseError.ReasonBad, vote.RequestClose("office", new string('长', Evaluation.ReasonMaxLength + 1), Opened, Day));
        Assert.Equal(EarlyCloseError.NoRequest, vote.ConfirmClose("admin", Opened, Day));

        Assert.Null(vote.RequestClose("office", "会议提前", Opened, Day));
        Assert.Equal(EarlyCloseError.NoRequest, vote.ConfirmClose("admin", Opened + Day, Day));
        Assert.Null(vote.RequestClose("office", "会议再次提前", Opened + Day, Day));
        Assert.Null(vote.RefuseClose(Opened + Day, Day));
        Assert.Equal(EarlyCloseError.NoRequest, vote.ConfirmClose("admin", Opened + Day, Day));
        Assert.False(vote.IsClosed(Opened + Day));
        Assert.Null(vote.ClosedEarlyAt);
    }

    [Theory]
    [InlineData(6, 4, 5, ResultsAccess.NotYetClosed)]
    [InlineData(7, 4, 5, ResultsAccess.TooFewBallots)]
    [InlineData(7, 1, 5, ResultsAccess.TooFewBallots)]
    [InlineData(7, 5, 5, ResultsAccess.Open)]
    [InlineData(7, 0, 0, ResultsAccess.TooFewBallots)]
    public void Results_open_after_the_close_with_at_least_the_minimum_of_ballots(int days, int ballots, int minimum, ResultsAccess expected) =>
        Assert.Equal(expected, Vote().Results(Opened.AddDays(days), ballots, minimum));
}
