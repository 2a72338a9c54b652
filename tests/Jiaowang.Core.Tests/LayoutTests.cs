using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>Layouts met in plans of other cities, each in the smallest text that shows it.</summary>
public class LayoutTests
{
    [Fact]
    public void Tasks_numbered_in_brackets_directly_under_the_chapter_are_tasks_grouped_by_it()
    {
        var plan = PlanDocumentParser.Parse("二、重点任务\n（1）扩大国际友城网络。新结好友城3个。（责任单位：市外办）\n（2）办好国际会展。（牵头单位：市商务局；责任单位：市文旅局、各区政府）");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.All(plan.Tasks, t => Assert.Equal(("重点任务", "二"), (t.Group, t.GroupNumber)));
        // 责任单位 next to 牵头单位 are co-units.
        Assert.Equal(["市商务局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市文旅局", "各区政府"], plan.Tasks[1].CoUnits);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Circled_sub_items_stay_in_the_task_and_a_bare_note_at_the_end_closes_it()
    {
        var plan = PlanDocumentParser.Parse("二、主要任务\n1.提升开放平台能级。\n①建设综合保税区。\n②发展跨境电商。责任单位：市商务局、市直有关单位。\n2.优化营商环境。【责任单位：市发改委】");
        Assert.Equal(2, plan.Tasks.Count);
        Assert.Equal("提升开放平台能级", plan.Tasks[0].Title);
        Assert.Contains("②发展跨境电商。", plan.Tasks[0].Text);
        Assert.Equal(["市商务局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市直有关单位"], plan.Tasks[0].CoUnits);
        Assert.Equal(["市发改委"], plan.Tasks[1].LeadUnits);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_section_heading_that_wraps_onto_a_second_line_is_one_group()
    {
        var plan = PlanDocumentParser.Parse("二、工作任务\n(三)营造近悦远来、宜居宜业宜游宜商的新空间,持续提升\n国际交往吸引力\n9.优化营商环境。(责任单位:市投资促进局)");
        Assert.Equal("营造近悦远来、宜居宜业宜游宜商的新空间,持续提升国际交往吸引力", Assert.Single(plan.Tasks).Group);
    }

    [Theory]
    [InlineData("(一)动员部署阶段(2025年3月底前)。制定方案。", "动员部署阶段", "2025-03", "2025-03")]
    [InlineData("(二)集中办理阶段(2025年4月至10月)。逐件办理。", "集中办理阶段", "2025-04", "2025-10")]
    [InlineData("(三)总结阶段(2025年11月—2026年1月)。总结。", "总结阶段", "2025-11", "2026-01")]
    [InlineData("第一阶段：动员部署（2025年3月）。召开动员会。", "第一阶段：动员部署", "2025-03", "2025-03")]
    [InlineData("(一)即日起至2025年6月,集中整治。", "集中整治", "2025-02", "2025-06")]
    public void Phase_headings_in_the_forms_plans_use(string line, string name, string start, string end)
    {
        var plan = PlanDocumentParser.Parse("2025年2月10日\n\n三、实施步骤\n" + line);
        var phase = Assert.Single(plan.Phases);
        Assert.Equal((name, start, end), (phase.Name, phase.Start.ToString(), phase.End.ToString()));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_floor_and_a_stretch_target_are_two_targets_of_one_metric()
    {
        var plan = PlanDocumentParser.Parse("一、工作目标\n——开放合作,外贸进出口总额确保达到 3000 亿元,力争达到 3200 亿元。");
        Assert.Equal(
            [("外贸进出口总额", 3000m, "确保、达到"), ("外贸进出口总额", 3200m, "力争、达到")],
            plan.Targets.Select(t => (t.Metric, t.Value, t.Qualifier)).ToList());
    }

    [Fact]
    public void A_percentage_range_is_one_target_with_both_bounds()
    {
        var target = Assert.Single(PlanDocumentParser.Parse("一、工作目标\n——开放合作,外贸进出口总额增长3%—5%。").Targets);
        Assert.Equal((3m, 5m, "%", 0.03m), (target.Value, target.UpperValue, target.Unit, target.NormalizedValue));
    }

    [Fact]
    public void Targets_numbered_under_the_goal_chapter_use_the_chapter_as_their_group()
    {
        var plan = PlanDocumentParser.Parse("一、工作目标\n1.国际友好城市达到三十个。\n2.入境游客突破 80 万人次。");
        Assert.Equal([(30m, "个", "工作目标"), (80m, "万人次", "工作目标")], plan.Targets.Select(t => (t.Value, t.Unit, t.Group)).ToList());
    }

    [Fact]
    public void A_target_table_flattened_to_lines_gives_one_target_a_row()
    {
        var plan = PlanDocumentParser.Parse("一、主要目标\n序号 指标名称 单位 2025年目标值\n1 国际友好城市 个 30\n2 入境游客人数 万人次 156\n3 外贸进出口总额增速 % 10");
        Assert.Equal(
            [("国际友好城市", 30m, "个", 3), ("入境游客人数", 156m, "万人次", 4), ("外贸进出口总额增速", 10m, "%", 5)],
            plan.Targets.Select(t => (t.Metric, t.Value, t.Unit, t.Line)).ToList());
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Articles_numbered_di_yi_tiao_are_tasks()
    {
        var plan = PlanDocumentParser.Parse("二、工作任务\n第一条 扩大友城网络。(责任单位:市外办)\n第二条 办好国际会展。(责任单位:市商务局)");
        Assert.Equal([(1, "扩大友城网络"), (2, "办好国际会展")], plan.Tasks.Select(t => (t.Number, t.Title)).ToList());
        Assert.Empty(plan.Warnings);
    }
}
