using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Tests.Progress;

/// <summary>
/// "下降 3%" and its kin (docs/STATUS-RULES.md, "Declines"): a growth target with a decline direction, met by a change of
/// −3 % or lower; the reading is the signed change rate (同比下降3.5% → −3.5).
/// </summary>
public sealed class DeclineTargetsTests
{
    const decimal Midyear = 0.5m;

    [Theory]
    [InlineData("单位地区生产总值能耗下降3%", true)]
    [InlineData("PM2.5浓度同比下降5%", true)]
    [InlineData("城镇调查失业率降低0.5个百分点", true)]
    [InlineData("主要污染物排放总量减少5%", true)]
    [InlineData("外贸进出口总额同比增长10%左右", false)]
    [InlineData("研发投入强度提高0.2个百分点", false)]
    public void A_decline_is_a_growth_target_with_its_direction(string sentence, bool decline)
    {
        var inferred = TargetKinds.Infer(sentence);
        Assert.Equal(TargetKind.Growth, inferred.Kind);
        Assert.Equal(decline, inferred.Decline);
        Assert.Null(inferred.Baseline);
    }

    [Theory]
    [InlineData("单位GDP能耗下降到0.4吨标准煤", TargetKind.Ceiling)]
    [InlineData("PM2.5平均浓度降至35微克以内", TargetKind.Ceiling)]
    [InlineData("减少审批事项50项", TargetKind.New)]
    public void A_fall_to_a_level_is_a_ceiling_and_a_count_of_cuts_is_no_decline(string sentence, TargetKind kind)
    {
        var inferred = TargetKinds.Infer(sentence);
        Assert.Equal(kind, inferred.Kind);
        Assert.False(inferred.Decline);
    }

    [Fact]
    public void The_parser_carries_the_direction_into_plan_parse_json_and_keeps_the_value_as_written()
    {
        var plan = PlanDocumentParser.Parse("某市节能工作方案\n\n一、工作目标\n\n——绿色发展，单位地区生产总值能耗下降3%，PM2.5浓度下降5%，城镇调查失业率降低0.5个百分点，外贸进出口总额同比增长10%左右。\n");
        var energy = plan.Targets.Single(t => t.Text.Contains("能耗"));
        Assert.Equal((TargetKind.Growth, true, 3m, "%"), (energy.Kind, energy.Decline, energy.Value, energy.Unit));
        Assert.True(plan.Targets.Single(t => t.Text.Contains("PM2.5")).Decline);
        var jobs = plan.Targets.Single(t => t.Text.Contains("失业率"));
        Assert.Equal((TargetKind.Growth, true, "个百分点"), (jobs.Kind, jobs.Decline, jobs.Unit));
        Assert.False(plan.Targets.Single(t => t.Text.Contains("外贸")).Decline);
        var json = PlanJson.Serialize(plan);
        Assert.Contains("\"decline\": true", json);
        Assert.Contains("\"decline\": false", json);
    }

    [Fact]
    public void A_decline_deeper_than_its_target_is_on_course_and_done_when_the_plan_ends()
    {
        var a = KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -3.5m, Midyear, decline: true);
        Assert.Equal((Status.OnTrack, StatusReason.DeclineOnCourse), (a.Status, a.Reason));
        Assert.Equal(1.1667m, a.ValueProgress);
        Assert.Equal((true, 3m, -3.5m), (a.Decline, a.Target, a.Latest));
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -3.5m, 1m, decline: true).Status);
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -3m, 1m, decline: true).Status);
    }

    [Fact]
    public void A_shallow_decline_is_at_risk_then_behind_and_a_rise_is_behind()
    {
        Assert.Equal((Status.AtRisk, StatusReason.DeclineShortSlightly),
            Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -2.7m, Midyear, decline: true)));
        Assert.Equal((Status.Behind, StatusReason.DeclineShortFar),
            Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -1m, Midyear, decline: true)));
        Assert.Equal((Status.Behind, StatusReason.DeclineShortFar),
            Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", 1m, Midyear, decline: true)));
        Assert.Equal((Status.Behind, StatusReason.MissedAtEnd),
            Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -1m, 1m, decline: true)));
        // Read as growth (the old reading), −3.5 against +3 % looked red: the defect this direction fixes.
        Assert.Equal(Status.Behind, KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", -3.5m, Midyear).Status);
    }

    [Fact]
    public void Without_a_reading_a_decline_follows_the_no_reading_rule()
    {
        Assert.Equal(StatusReason.NotStarted, KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", null, 0m, decline: true).Reason);
        Assert.Equal((Status.AtRisk, StatusReason.NoReading), Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", null, 0.3m, decline: true)));
        Assert.Equal((Status.Behind, StatusReason.NoReading), Pair(KindedProgress.Assess(TargetKind.Growth, 3m, null, "下降", null, 0.6m, decline: true)));
    }

    [Fact]
    public void The_direction_only_applies_to_growth()
    {
        var ceiling = KindedProgress.Assess(TargetKind.Ceiling, 0.5m, null, "以内", 0.3m, Midyear, decline: true);
        Assert.False(ceiling.Decline);
        Assert.Equal(StatusReason.UnderCeiling, ceiling.Reason);
    }

    static (Status, StatusReason) Pair(StatusAssessment a) => (a.Status, a.Reason);
}
