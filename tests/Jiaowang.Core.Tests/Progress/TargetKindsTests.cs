using Jiaowang.Core.Documents;
using Jiaowang.Core.Progress;

namespace Jiaowang.Core.Tests.Progress;

/// <summary>Kinds and baselines read from target sentences; the Wuhan list is the one in docs/STATUS-RULES.md.</summary>
public sealed class TargetKindsTests
{
    public static TheoryData<string, TargetKind> Wuhan => new()
    {
        { "国际友城和友好交流城市数量", TargetKind.Level },
        { "新建各类国际科技合作平台", TargetKind.New },
        { "举办国际性会展", TargetKind.New },
        { "举办国际赛事活动", TargetKind.New },
        { "入境游客人数", TargetKind.New },
        { "在汉留学生数量", TargetKind.Cumulative },
        { "外贸进出口总额", TargetKind.Growth },
        { "组织", TargetKind.New },
        { "世界500强企业进驻数量", TargetKind.Level },
        { "新设外资企业数量", TargetKind.New },
        { "新设境外经贸联络处", TargetKind.New },
        { "打造国际友好型商圈", TargetKind.New },
        { "新增离境退税商店", TargetKind.New },
        { "武汉天河机场国际地区航线", TargetKind.Level },
        { "国际及地区旅客吞吐量", TargetKind.New },
        { "跨境运输线路", TargetKind.Level },
        { "年发运量", TargetKind.New },
        { "近洋直航航线", TargetKind.Keep },
        { "武汉港集装箱吞吐量", TargetKind.New },
    };

    static readonly ParsedPlan Plan = PlanDocumentParser.Parse(Fixture.Text("wuhan-2026-26.txt"));

    [Theory]
    [MemberData(nameof(Wuhan))]
    public void Each_Wuhan_target_has_the_kind_listed_in_the_status_rules(string metric, TargetKind kind)
    {
        var target = Plan.Targets.Single(t => Compact(t.Text).Contains(Compact(metric)) && (metric != "组织" || t.Text.Contains("家次")));
        Assert.Equal(kind, target.Kind);
    }

    [Fact]
    public void The_Wuhan_plan_has_nineteen_targets_and_none_writes_a_baseline()
    {
        Assert.Equal(19, Plan.Targets.Count);
        Assert.All(Plan.Targets, t => Assert.Null(t.Baseline));
        Assert.Contains("\"kind\": \"level\"", PlanJson.Serialize(Plan));
        Assert.Contains("\"baseline\": null", PlanJson.Serialize(Plan));
    }

    [Theory]
    [InlineData("国际友城数量由127个增加到129个", TargetKind.Level, 127.0, null)]
    [InlineData("在2025年127个的基础上，友城数量达到129个", TargetKind.Level, 127.0, 2025)]
    [InlineData("外贸进出口总额比2025年增长10%左右", TargetKind.Growth, null, 2025)]
    [InlineData("单位GDP能耗控制在0.5吨以内", TargetKind.Ceiling, null, null)]
    [InlineData("政务服务事项网上可办率达到95%", TargetKind.Share, null, null)]
    [InlineData("在汉留学生数量累计达到1.9万人（基数1.6万人）", TargetKind.Cumulative, 1.6, null)]
    [InlineData("巩固近洋直航航线3条", TargetKind.Keep, null, null)]
    [InlineData("新增离境退税商店150家", TargetKind.New, null, null)]
    public void Kind_baseline_and_base_year_are_read_from_the_sentence(string sentence, TargetKind kind, double? baseline, int? baseYear)
    {
        var inferred = TargetKinds.Infer(sentence);
        Assert.Equal(kind, inferred.Kind);
        Assert.Equal(baseline is { } b ? (decimal)b : null, inferred.Baseline);
        Assert.Equal(baseYear, inferred.BaseYear);
    }

    static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

/// <summary>The status rule of each kind (docs/STATUS-RULES.md, "Target kinds").</summary>
public sealed class KindedProgressTests
{
    const decimal December = 0.95m;

    [Fact]
    public void Partner_cities_from_127_to_129_with_no_new_partner_in_December_are_behind()
    {
        var a = KindedProgress.Assess(TargetKind.Level, 129m, 127m, "达到", 127m, December);
        Assert.Equal(Status.Behind, a.Status);
        Assert.Equal(0m, a.ValueProgress);
        Assert.Equal((TargetKind.Level, 127m, 129m, 127m), (a.Kind, a.Baseline, a.Target, a.Latest));
    }

    [Fact]
    public void Partner_cities_at_129_are_done()
    {
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Level, 129m, 127m, "达到", 129m, December).Status);
    }

    [Fact]
    public void Level_progress_counts_from_the_baseline_against_time_progress()
    {
        var a = KindedProgress.Assess(TargetKind.Level, 129m, 127m, "达到", 128m, 0.9m);
        Assert.Equal(0.5m, a.ValueProgress);
        Assert.Equal(Status.Behind, a.Status);
        Assert.Equal(Status.OnTrack, KindedProgress.Assess(TargetKind.Level, 129m, 127m, null, 128m, 0.5m).Status);
        // Read from zero (as before kinds), 127 of 129 would have looked on track all year.
        Assert.Equal(Status.OnTrack, TargetProgress.Assess(129m, null, 127m, December).Status);
    }

    [Fact]
    public void Cumulative_and_share_count_from_their_baselines_too()
    {
        Assert.Equal(Status.AtRisk, KindedProgress.Assess(TargetKind.Cumulative, 1.9m, 1.5m, "累计、达到", 1.7m, 0.6m).Status);
        Assert.Equal(Status.Behind, KindedProgress.Assess(TargetKind.Share, 95m, 80m, "达到", 81m, 0.8m).Status);
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Share, 95m, 80m, "达到", 95m, 0.8m).Status);
    }

    [Fact]
    public void New_counts_from_zero_within_the_plan()
    {
        var a = KindedProgress.Assess(TargetKind.New, 70m, 60m, null, 35m, 0.5m);
        Assert.Equal((Status.OnTrack, 0.5m, (decimal?)null), (a.Status, a.ValueProgress, a.Baseline));
    }

    [Fact]
    public void Growth_is_judged_as_a_rate_not_accrued_over_the_year()
    {
        // 9.8 % in March against 10 % 左右: on course, although only a sixth of the year is gone.
        Assert.Equal((Status.OnTrack, StatusReason.RateOnCourse), Pair(KindedProgress.Assess(TargetKind.Growth, 10m, null, "增长、左右", 9.8m, 0.1m)));
        // 1 % in March would have been "ahead of time progress" read as a quantity; as a rate it is far below.
        Assert.Equal((Status.Behind, StatusReason.RateBelowFar), Pair(KindedProgress.Assess(TargetKind.Growth, 10m, null, "增长、左右", 1m, 0.1m)));
        Assert.Equal((Status.AtRisk, StatusReason.RateBelowSlightly), Pair(KindedProgress.Assess(TargetKind.Growth, 10m, null, "增长", 8.5m, 0.5m)));
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Growth, 10m, null, "增长", 10.2m, 1m).Status);
        Assert.Equal(Status.Behind, KindedProgress.Assess(TargetKind.Growth, 10m, null, "增长", 8m, 1m).Status);
    }

    [Fact]
    public void Keep_holds_a_floor_and_is_done_when_the_plan_ends_holding_it()
    {
        Assert.Equal((Status.OnTrack, StatusReason.LevelHeld), Pair(KindedProgress.Assess(TargetKind.Keep, 3m, null, null, 3m, 0.4m)));
        Assert.Equal((Status.Behind, StatusReason.LevelFallen), Pair(KindedProgress.Assess(TargetKind.Keep, 3m, null, null, 2m, 0.4m)));
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Keep, 3m, null, null, 3m, 1m).Status);
        Assert.Equal(4m, KindedProgress.Assess(TargetKind.Keep, 3m, 4m, null, 3m, 0.4m).Baseline);
    }

    [Fact]
    public void Ceiling_is_lower_is_better()
    {
        Assert.Equal((Status.OnTrack, StatusReason.UnderCeiling), Pair(KindedProgress.Assess(TargetKind.Ceiling, 0.5m, null, "以内", 0.3m, 0.5m)));
        Assert.Equal((Status.Behind, StatusReason.OverCeiling), Pair(KindedProgress.Assess(TargetKind.Ceiling, 0.5m, null, "以内", 0.6m, 0.5m)));
        Assert.Equal(Status.Done, KindedProgress.Assess(TargetKind.Ceiling, 0.5m, null, "以内", 0.5m, 1m).Status);
    }

    [Fact]
    public void Without_a_reading_every_kind_follows_the_no_reading_rule()
    {
        foreach (var kind in Enum.GetValues<TargetKind>())
        {
            Assert.Equal(StatusReason.NotStarted, KindedProgress.Assess(kind, 10m, 5m, null, null, 0m).Reason);
            Assert.Equal(Status.Behind, KindedProgress.Assess(kind, 10m, 5m, null, null, 0.6m).Status);
        }
    }

    [Fact]
    public void A_time_profile_weighs_the_months()
    {
        var span = (new YearMonth(2026, 1), new YearMonth(2026, 12));
        var even = Enumerable.Repeat(1m, 12).ToArray();
        Assert.Equal(0.5m, TimeProfiles.TimeProgress(span.Item1, span.Item2, new DateOnly(2026, 6, 30), even));
        // Visitors come in the second half: at the end of June only a quarter of the year's visitors are expected.
        var uneven = new decimal[] { 0.5m, 0.5m, 0.5m, 0.5m, 0.5m, 0.5m, 1.5m, 1.5m, 1.5m, 1.5m, 1.5m, 1.5m };
        Assert.Equal(0.25m, TimeProfiles.TimeProgress(span.Item1, span.Item2, new DateOnly(2026, 6, 30), uneven));
        Assert.Null(TimeProfiles.Parse("1,2,3"));
        Assert.Null(TimeProfiles.Parse("0,0,0,0,0,0,0,0,0,0,0,0"));
        Assert.Equal(12, TimeProfiles.Parse("1，1，1，1，1，1，1，1，1，1，1，2")!.Length);
    }

    static (Status, StatusReason) Pair(StatusAssessment a) => (a.Status, a.Reason);
}
