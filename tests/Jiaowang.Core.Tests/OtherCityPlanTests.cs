using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>
/// Plans of the same genre from other cities, in formats the Wuhan seed lacks
/// (source URLs in each fixture's first line), and one constructed plan for the explicit forms.
/// </summary>
public class OtherCityPlanTests
{
    [Fact]
    public void Xining_explicit_lead_and_responsible_units_with_prose_goals()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("xining-liutong.txt"));

        Assert.Equal("加快西宁市流通业发展实施意见", plan.Title);
        // The goals are prose without figures: nothing to read, nothing to warn about.
        Assert.Empty(plan.Targets);
        var task = Assert.Single(plan.Tasks);
        Assert.Equal(1, task.Number);
        Assert.Equal(("深化流通体制改革", "一"), (task.Group, task.GroupNumber));
        Assert.Equal("提高流通管理部门管理效能", task.Title);
        Assert.Equal(["市商务局"], task.LeadUnits);
        Assert.Equal(["市编办", "市发改委", "市法制办", "各区县政府"], task.CoUnits);
        Assert.Empty(plan.Phases);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Kaifeng_goals_in_a_section_of_the_general_chapter()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("kaifeng-zhizao-2020.txt"));

        Assert.Equal("开封市推动制造业高质量发展实施方案", plan.Title);
        Assert.Equal(new DateOnly(2020, 11, 17), plan.IssuedOn);
        Assert.Null(plan.DocumentNumber);
        Assert.Equal(
            [(35m, "%", "左右"), (1m, "%", "达到、以上"), (5m, "%", "下降"), (2m, "个", null), (6m, "个", null), (8m, "个", "力争")],
            plan.Targets.Select(t => (t.Value, t.Unit, t.Qualifier)).ToList());
        Assert.All(plan.Targets, t => Assert.Equal("发展目标", t.Group));
        Assert.Equal("全市制造业增加值占地区生产总值比重", plan.Targets[0].Metric);
        Assert.Equal("规模以上工业企业研究开发与试验发展经费支出占营业收入比重", plan.Targets[1].Metric);
        Assert.Equal("单位工业增加值能耗", plan.Targets[2].Metric);

        // "8—10个" is a range: the lower bound is the value, the upper one is kept.
        Assert.Equal(("培育百亿企业", 10m), (plan.Targets[5].Metric, plan.Targets[5].UpperValue));
        // "8大…超过五千亿规模" names no unit (亿 of what?), so it is not guessed at.
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(17, warning.Line);
        Assert.Contains("五千亿", warning.Message);
        Assert.Empty(plan.Tasks);
    }

    [Fact]
    public void Chengdu_prose_goals_with_the_number_before_the_thing_counted()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("chengdu-qianrushi-2024.txt"));

        Assert.Equal("成都市城市社区嵌入式服务设施建设工程实施方案", plan.Title);
        Assert.Equal([(100m, "个", 13), (50m, "%", 15)], plan.Targets.Select(t => (t.Value, t.Unit, t.Line)).ToList());
        Assert.All(plan.Targets, t => Assert.Equal("主要目标", t.Group));
        Assert.Equal(0.5m, plan.Targets[1].NormalizedValue);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Constructed_plan_with_explicit_lead_and_co_units_and_a_phase_across_the_year()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("constructed-explicit-units.txt"));

        Assert.Equal("某市国际消费中心城市建设2026年工作方案", plan.Title);
        Assert.Equal("某政办〔2026〕7号", plan.DocumentNumber);
        Assert.Equal(new DateOnly(2026, 2, 15), plan.IssuedOn);

        Assert.Equal(
            [("全市社会消费品零售总额", 8500m, "亿元"), ("全市社会消费品零售总额", 6m, "%"), ("入境游客人数", 80m, "万人次"),
             ("首店", 120m, "家"), ("离境退税商店总数", 300m, "家")],
            plan.Targets.Select(t => (t.Metric, t.Value, t.Unit)).ToList());
        Assert.All(plan.Targets, t => Assert.Equal("工作目标", t.Group));
        Assert.Equal(850_000_000_000m, plan.Targets[0].NormalizedValue);

        Assert.Equal(4, plan.Tasks.Count);
        Assert.Equal(["市商务局"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["市住建局", "各区人民政府"], plan.Tasks[0].CoUnits);
        Assert.Equal(["市文旅局", "市商务局"], plan.Tasks[1].LeadUnits);
        Assert.Equal(["市税务局", "人民银行某市分行", "各区人民政府"], plan.Tasks[1].CoUnits);
        Assert.Equal(["市市场监管局"], plan.Tasks[2].LeadUnits);
        Assert.Equal(("优化消费环境", "二"), (plan.Tasks[2].Group, plan.Tasks[2].GroupNumber));
        Assert.Empty(plan.Tasks[3].LeadUnits);
        Assert.Equal(7, plan.Units.Count);
        Assert.Equal([new UnitNote("各区人民政府", "含开发区（管委会），下同")], plan.UnitNotes);

        Assert.Equal(
            [("部署启动阶段", "2026-02", "2026-02"), ("全面推进阶段", "2026-03", "2026-10"), ("总结评估阶段", "2026-11", "2027-01")],
            plan.Phases.Select(p => (p.Name, p.Start.ToString(), p.End.ToString())).ToList());

        // Task 4 names no unit and the fourth phase no months: both are reported on their lines.
        Assert.Equal([39, 49], plan.Warnings.Select(w => w.Line));
    }
}
