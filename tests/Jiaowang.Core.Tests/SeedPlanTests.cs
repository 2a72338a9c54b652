using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>Acceptance: the Wuhan plan 武政办〔2026〕26号 as extracted from its PDF.</summary>
public class SeedPlanTests
{
    private static readonly ParsedPlan Plan = PlanDocumentParser.Parse(Fixture.Text("wuhan-2026-26.txt"));

    [Fact]
    public void Header_fields_are_read_from_the_letterhead()
    {
        Assert.Equal("市政协十四届五次会议3号建议案办理工作方案", Plan.Title);
        Assert.Equal("武政办〔2026〕26号", Plan.DocumentNumber);
        Assert.Equal(new DateOnly(2026, 3, 9), Plan.IssuedOn);
    }

    public static TheoryData<int, string, decimal, string> ExpectedTargets => new()
    {
        { 0, "国际友城和友好交流城市数量", 129m, "个" },
        { 1, "各类国际科技合作平台", 20m, "家" },
        { 2, "举办国际性会展", 70m, "场" },
        { 3, "举办国际赛事活动", 10m, "项" },
        { 4, "入境游客人数", 156m, "万人次" },
        { 5, "在汉留学生数量", 1.9m, "万人" },
        { 6, "外贸进出口总额", 10m, "%" },
        { 7, "组织企业赴境外参加专业展会及活动", 600m, "家次" },
        { 8, "世界500强企业进驻数量", 312m, "家" },
        { 9, "外资企业数量", 400m, "家" },
        { 10, "境外经贸联络处", 3m, "个" },
        { 11, "打造国际友好型商圈", 2m, "个" },
        { 12, "离境退税商店", 150m, "家" },
        { 13, "武汉天河机场国际地区航线", 22m, "条" },
        { 14, "武汉天河机场和鄂州花湖机场国际及地区旅客吞吐量", 150m, "万人次" },
        { 15, "中欧班列(武汉)跨境运输线路", 61m, "条" },
        { 16, "年发运量", 1300m, "列" },
        { 17, "巩固近洋直航航线", 3m, "条" },
        { 18, "武汉港集装箱吞吐量", 200m, "万标箱" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTargets))]
    public void Each_target_has_its_metric_value_and_unit(int index, string metric, decimal value, string unit)
    {
        Assert.Equal(19, Plan.Targets.Count);
        var target = Plan.Targets[index];
        Assert.Equal(metric, target.Metric);
        Assert.Equal(value, target.Value);
        Assert.Equal(unit, target.Unit);
    }

    [Fact]
    public void Targets_fall_into_the_three_bullet_groups()
    {
        var groups = Plan.Targets.GroupBy(t => t.Group).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal([("交往能级进一步提升", 6), ("开放合作进一步深化", 7), ("枢纽优势进一步凸显", 6)], groups);
    }

    [Fact]
    public void Qualifiers_and_normalized_values_follow_the_wording()
    {
        var students = Plan.Targets[5];
        Assert.Equal("累计、达到", students.Qualifier);
        Assert.Equal(19000m, students.NormalizedValue);
        var trade = Plan.Targets[6];
        Assert.Equal("增长、左右", trade.Qualifier);
        Assert.Equal(0.1m, trade.NormalizedValue);
        Assert.Equal("以上", Plan.Targets[3].Qualifier);
        Assert.Equal("新建", Plan.Targets[1].Qualifier);
        Assert.Null(Plan.Targets[2].Qualifier);
        Assert.Equal(1560000m, Plan.Targets[4].NormalizedValue);
        Assert.Equal(2000000m, Plan.Targets[18].NormalizedValue);
    }

    [Fact]
    public void The_target_broken_by_a_page_end_is_rejoined()
    {
        var freight = Plan.Targets[16];
        Assert.Contains("年发运量", freight.Text);
        Assert.Equal(31, freight.Line);
        Assert.Equal(33, Plan.Targets[17].Line);
    }

    [Theory]
    [InlineData(1, "市委外办", 5)]
    [InlineData(2, "市委宣传部", 6)]
    [InlineData(3, "市体育局", 4)]
    [InlineData(4, "市科创局", 5)]
    [InlineData(5, "市交通运输局", 2)]
    [InlineData(6, "市商务局", 2)]
    [InlineData(7, "市商务局", 4)]
    [InlineData(8, "市商务局", 2)]
    [InlineData(9, "市投资促进局", 4)]
    [InlineData(10, "市人才工作局", 3)]
    [InlineData(11, "市商务局", 5)]
    [InlineData(12, "市委外办", 8)]
    public void Each_task_has_its_lead_unit_and_unit_count(int number, string lead, int unitCount)
    {
        Assert.Equal(12, Plan.Tasks.Count);
        var task = Plan.Tasks.Single(t => t.Number == number);
        Assert.Equal([lead], task.LeadUnits);
        Assert.Equal(unitCount, task.LeadUnits.Count + task.CoUnits.Count);
    }

    [Fact]
    public void Tasks_keep_their_group_title_and_rejoined_text()
    {
        var first = Plan.Tasks[0];
        Assert.Equal("一", first.GroupNumber);
        Assert.Equal("打造交流互鉴、辐射广泛的新窗口,持续扩大国际交往影响力", first.Group);
        Assert.Equal("着力建设承担国家重大外交外事活动的重要舞台", first.Title);
        Assert.DoesNotContain("责任单位", first.Text);
        Assert.Contains("打造国际体育赛事名城", Plan.Tasks[2].Text);
        Assert.Contains("加快武汉国际贸易数字化平台", Plan.Tasks[5].Text);
        Assert.Contains("提升涉外政务服务水平", Plan.Tasks[8].Text);
        Assert.Equal("三", Plan.Tasks[11].GroupNumber);
    }

    [Fact]
    public void Units_are_the_31_distinct_names_with_the_district_note()
    {
        Assert.Equal(31, Plan.Units.Count);
        Assert.Equal("市委外办", Plan.Units[0]);
        Assert.Contains("各区人民政府", Plan.Units);
        Assert.DoesNotContain(Plan.Units, u => u.Contains('〈') || u.Contains("下同"));
        Assert.Equal([new UnitNote("各区人民政府", "含开发区、长江新区、风景区(管委会)下同")], Plan.UnitNotes);
    }

    [Fact]
    public void Three_phases_with_their_months()
    {
        Assert.Equal(
            [("动员部署阶段", "2026-03", "2026-03"), ("办理落实阶段", "2026-04", "2026-09"), ("总结汇报阶段", "2026-10", "2026-12")],
            Plan.Phases.Select(p => (p.Name, p.Start.ToString(), p.End.ToString())).ToList());
        Assert.StartsWith("制定工作方案", Plan.Phases[0].Description);
    }

    [Fact]
    public void The_seed_gives_no_warnings() => Assert.Empty(Plan.Warnings);
}
