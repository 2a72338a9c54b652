using Jiaowang.Core.Assessment;

namespace Jiaowang.Core.Tests.Assessment;

public class UnitAssessmentTests
{
    static UnitFacts Perfect(int id, string name) => new(id, name, ReportsDue: 10, ReportsOnTime: 10, ReportsReviewed: 10, AcceptedFirstTime: 10,
        Extensions: 0, FollowUpsDue: 2, FollowUpsClosed: 2, Instructions: 1, InstructionsAnswered: 1, NoticesDue: 0, NoticesAnsweredInTime: 0, Satisfaction: 100);

    [Fact]
    public void A_unit_that_did_everything_scores_the_sum_of_the_weights()
    {
        var score = Assert.Single(UnitAssessment.Score([Perfect(1, "甲")], AssessmentWeights.Default));
        Assert.Equal(100m, score.Score);
        Assert.Equal(100m, score.Max);
        Assert.Empty(score.Costs);
        Assert.Equal(1, score.Rank);
    }

    [Fact]
    public void Late_reports_returns_and_a_low_vote_cost_points_and_say_which()
    {
        var late = Perfect(2, "乙") with { ReportsOnTime = 5, AcceptedFirstTime = 8, Satisfaction = 50m, Extensions = 1 };
        var scores = UnitAssessment.Score([late, Perfect(1, "甲")], AssessmentWeights.Default);

        Assert.Equal("甲", scores[0].UnitName);
        var second = scores[1];
        Assert.Equal(2, second.Rank);
        // 25×5/10 + 20×8/10 + 5×9/10 + 15 + 10 + 10 + 15×0.5 = 12.5 + 16 + 4.5 + 15 + 10 + 10 + 7.5
        Assert.Equal(75.5m, second.Score);
        var costs = second.Costs.ToList();
        Assert.Equal(["reportsOnTime", "satisfaction", "acceptedFirstTime", "noExtensions"], costs.Select(c => c.Code));
        Assert.Equal(12.5m, costs[0].Lost);
        Assert.Equal((5, 10), (costs[0].Good, costs[0].Of));
    }

    [Fact]
    public void Nothing_to_do_scores_full_marks()
    {
        var idle = new UnitFacts(3, "丙", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
        var weights = AssessmentWeights.Default;
        var score = Assert.Single(UnitAssessment.Score([idle], weights));
        Assert.Equal(weights.Total, score.Score);
        Assert.Equal(0, score.Items.Single(i => i.Code == "noticesAnsweredInTime").Of);
    }

    [Fact]
    public void A_notice_answered_late_costs_its_share_of_the_notices_weight()
    {
        var unit = Perfect(4, "丁") with { NoticesDue = 2, NoticesAnsweredInTime = 1 };
        var score = Assert.Single(UnitAssessment.Score([unit], AssessmentWeights.Default));
        Assert.Equal(95m, score.Score);
        var cost = Assert.Single(score.Costs);
        Assert.Equal(("noticesAnsweredInTime", 1, 2, 5m), (cost.Code, cost.Good, cost.Of, cost.Lost));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_weights_out_of_range_are_named()
    {
        var scores = UnitAssessment.Score([Perfect(1, "甲"), Perfect(2, "乙"), Perfect(3, "丙") with { ReportsOnTime = 0 }], AssessmentWeights.Default);
        Assert.Equal([1, 1, 3], scores.Select(s => s.Rank));
        Assert.Equal("satisfaction", (AssessmentWeights.Default with { Satisfaction = -1 }).Invalid());
        Assert.Null(AssessmentWeights.Default.Invalid());
    }
}
