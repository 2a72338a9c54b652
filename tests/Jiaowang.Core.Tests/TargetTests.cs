using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

public class TargetTests
{
    private static ParsedPlan Parse(string targetsChapter) => PlanDocumentParser.Parse("一、工作目标\n\n" + targetsChapter);

    [Theory]
    [InlineData("在汉留学生数量累计达到 1.9 万人", "在汉留学生数量", 1.9, "万人", "累计、达到", 19000)]
    [InlineData("入境游客人数达到 156 万人次", "入境游客人数", 156, "万人次", "达到", 1560000)]
    [InlineData("武汉港集装箱吞吐量达到 200 万标箱", "武汉港集装箱吞吐量", 200, "万标箱", "达到", 2000000)]
    [InlineData("外贸进出口总额同比增长 10% 左右", "外贸进出口总额", 10, "%", "增长、左右", 0.1)]
    [InlineData("外贸进出口总额同比增长10％左右", "外贸进出口总额", 10, "%", "增长、左右", 0.1)]
    [InlineData("举办国际赛事活动 10 项以上", "举办国际赛事活动", 10, "项", "以上", 10)]
    [InlineData("新建各类国际科技合作平台 20 家", "各类国际科技合作平台", 20, "家", "新建", 20)]
    [InlineData("世界 500 强企业进驻数量达到 312 家", "世界500强企业进驻数量", 312, "家", "达到", 312)]
    [InlineData("组织 600 家次企业赴境外参加专业展会及活动", "组织企业赴境外参加专业展会及活动", 600, "家次", null, 600)]
    [InlineData("中欧班列(武汉)跨境运输线路达到 61 条", "中欧班列(武汉)跨境运输线路", 61, "条", "达到", 61)]
    [InlineData("社会消费品零售总额力争突破 1.2 万亿元", "社会消费品零售总额", 1.2, "万亿元", "力争、突破", 1200000000000)]
    [InlineData("新增首店不少于120家", "首店", 120, "家", "新增、不少于", 120)]
    [InlineData("规模以上工业企业研发经费支出占营业收入比重达到1%以上", "规模以上工业企业研发经费支出占营业收入比重", 1, "%", "达到、以上", 0.01)]
    [InlineData("国际友好城市达到三十个", "国际友好城市", 30, "个", "达到", 30)]
    [InlineData("入境游客两万人次", "入境游客", 2, "万人次", null, 20000)]
    [InlineData("社会消费品零售总额突破五千亿元", "社会消费品零售总额", 5000, "亿元", "突破", 500000000000)]
    [InlineData("举办国际会议一百二十场以上", "举办国际会议", 120, "场", "以上", 120)]
    [InlineData("确保达到 80 万人次", "", 80, "万人次", "确保、达到", 800000)]
    public void A_clause_gives_metric_value_unit_and_qualifier(string clause, string metric, double value, string unit, string? qualifier, double normalized)
    {
        var target = Assert.Single(Parse("——试点组," + clause + "。").Targets);
        Assert.Equal(metric, target.Metric);
        Assert.Equal((decimal)value, target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(qualifier, target.Qualifier);
        Assert.Equal((decimal)normalized, target.NormalizedValue);
        Assert.Equal("试点组", target.Group);
        Assert.Equal(3, target.Line);
    }

    [Fact]
    public void Prose_targets_take_the_heading_as_their_group_and_skip_dates()
    {
        var plan = Parse("到2026年底，全市外贸进出口总额达到5000亿元，跨境电商交易额达到 800 亿元。");
        Assert.Equal(["工作目标", "工作目标"], plan.Targets.Select(t => t.Group));
        Assert.Equal([5000m, 800m], plan.Targets.Select(t => t.Value));
        Assert.Equal(500_000_000_000m, plan.Targets[0].NormalizedValue);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Numbered_target_lines_are_read_as_prose()
    {
        var plan = Parse("1. 国际友城数量达到 130 个。\n\n2. 入境游客人数达到 160 万人次。");
        Assert.Equal([130m, 160m], plan.Targets.Select(t => t.Value));
        Assert.Equal([3, 5], plan.Targets.Select(t => t.Line));
    }

    [Fact]
    public void A_clause_without_a_metric_measures_what_the_clause_before_it_did()
    {
        var plan = Parse("全市社会消费品零售总额达到 8500 亿元，同比增长6%左右。");
        Assert.Equal("全市社会消费品零售总额", plan.Targets[1].Metric);
    }

    [Fact]
    public void Two_numbers_joined_by_he_are_two_targets()
    {
        var plan = Parse("培育形成2个千亿级产业集群和6个五百亿级产业集群。");
        Assert.Equal([(2m, "个"), (6m, "个")], plan.Targets.Select(t => (t.Value, t.Unit)));
        Assert.Empty(plan.Warnings);
    }

    [Theory]
    [InlineData("力争实现全市8大重点产业集群总量超过五千亿规模")]
    [InlineData("建成 5G 基站")]
    public void A_number_the_parser_cannot_read_is_a_warning_on_its_line(string clause)
    {
        var plan = Parse("\n\n" + clause + "。");
        Assert.Empty(plan.Targets);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.Contains(clause, warning.Message);
    }

    [Fact]
    public void Prose_without_numbers_gives_no_targets_and_no_warnings()
    {
        var plan = Parse("充分利用我市区位优势,打造具有时代特征、体现国际视野的国际交往中心。");
        Assert.Empty(plan.Targets);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Targets_in_a_section_of_a_general_chapter_are_found()
    {
        var plan = PlanDocumentParser.Parse("一、总体要求\n(一)指导思想。坚持新发展理念。\n(二)发展目标。到2022年,制造业增加值比重35%左右。\n二、主要任务");
        var target = Assert.Single(plan.Targets);
        Assert.Equal("发展目标", target.Group);
        Assert.Equal("制造业增加值比重", target.Metric);
    }
}
