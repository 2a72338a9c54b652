using Jiaowang.Core.Evaluations;

namespace Jiaowang.Core.Tests.Evaluations;

public class BallotTests
{
    static readonly int[] Units = [11, 12, 13];

    [Fact]
    public void A_complete_ballot_gives_one_answer_per_unit_with_random_keys_and_trimmed_comments()
    {
        var (problems, answers) = Ballot.Check(7, Units,
            [new(13, Satisfaction.Dissatisfied, "  太慢\u0007 "), new(11, Satisfaction.Satisfied, ""), new(12, Satisfaction.BasicallySatisfied, null)]);

        Assert.Empty(problems);
        Assert.Equal([11, 12, 13], answers.Select(a => a.UnitId).Order());
        Assert.All(answers, a => Assert.Equal(7, a.EvaluationId));
        Assert.All(answers, a => Assert.Equal(4, a.Id.Version));
        Assert.Equal("太慢", answers.Single(a => a.UnitId == 13).Comment);
        Assert.Null(answers.Single(a => a.UnitId == 11).Comment);
    }

    [Fact]
    public void A_ballot_that_skips_repeats_or_adds_a_unit_is_refused_naming_each_unit()
    {
        var (problems, answers) = Ballot.Check(7, Units,
            [new(11, Satisfaction.Satisfied, null), new(11, Satisfaction.Dissatisfied, null), new(99, Satisfaction.Satisfied, null), new(12, null, null)]);

        Assert.Empty(answers);
        Assert.Equal(
            [new BallotProblem(11, BallotError.Duplicate), new BallotProblem(99, BallotError.UnknownUnit), new BallotProblem(12, BallotError.Missing), new BallotProblem(13, BallotError.Missing)],
            problems);
    }

    [Fact]
    public void Comments_that_are_too_long_or_carry_markup_are_refused()
    {
        var (problems, _) = Ballot.Check(7, Units,
            [new(11, Satisfaction.Satisfied, new string('意', Ballot.CommentMaxLength + 1)), new(12, Satisfaction.Satisfied, "<a href=x>看</a>"),
             new(13, Satisfaction.Satisfied, "java script: 不算, javascript:alert(1) 算")]);

        Assert.Equal([BallotError.CommentTooLong, BallotError.CommentUnsafe, BallotError.CommentUnsafe], problems.Select(p => p.Error));
    }

    [Fact]
    public void Rates_are_shares_of_the_ballots_cast_for_the_unit()
    {
        var tally = Ballot.Tally(1, "市商务局", [Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied, Satisfaction.Satisfied]);

        Assert.Equal((2, 1, 1), (tally.Satisfied, tally.BasicallySatisfied, tally.Dissatisfied));
        Assert.Equal(0.5m, tally.SatisfiedRate);
        Assert.Equal(0.75m, tally.ApprovalRate);
        Assert.Null(Ballot.Tally(1, "市商务局", []).ApprovalRate);
    }
}
