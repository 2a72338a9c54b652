using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>
/// Real plans of the genre from other provinces and cities, expected results written by hand from the
/// fixture text (source URLs in each fixture's first line; excerpts are tested only as far as they go).
/// </summary>
public class MorePlanTests
{
    [Fact]
    public void Sichuan_sections_are_tasks_and_the_remark_after_a_notes_full_stop_is_not_a_unit()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("sichuan-liutong-2022.txt"));

        Assert.Equal("四川省“十四五”现代流通体系建设实施方案", plan.Title);
        Assert.Equal(new DateOnly(2022, 10, 18), plan.IssuedOn);
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.All(plan.Tasks, t => Assert.Equal(("深化现代流通市场化改革", "一"), (t.Group, t.GroupNumber)));
        Assert.Equal("加强市场体系建设", plan.Tasks[0].Title);
        // 责任单位 alone: the first listed leads; "按职责分工负责" is a verb, not part of the last unit.
        Assert.Equal(["省发展改革委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["省市场监管局", "商务厅", "省大数据中心"], plan.Tasks[0].CoUnits);
        Assert.DoesNotContain("责任单位", plan.Tasks[0].Text);
        Assert.Equal(["省市场监管局"], plan.Tasks[1].LeadUnits);
        Assert.Empty(plan.Tasks[1].CoUnits);
        Assert.Equal(4, plan.Units.Count);
        Assert.Empty(plan.Targets);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Yuncheng_sub_items_stay_in_their_task_and_a_note_on_its_own_line_closes_it()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("yuncheng-yingji-2017.txt"));

        Assert.Equal("运城市突发事件应急体系建设“十三五”规划责任分解", plan.Title);
        Assert.Equal(new DateOnly(2017, 4, 13), plan.IssuedOn);
        // Task 2 is cut off before its note in this excerpt, and this plan has no tasks chapter: not a task yet.
        var task = Assert.Single(plan.Tasks);
        Assert.Equal((1, "“一案三制”建设", "一"), (task.Number, task.Group, task.GroupNumber));
        Assert.Equal("完善应急预案体系", task.Title);
        Assert.Equal(21, task.Line);
        Assert.Contains("(4)加强应急预案的培训宣传", task.Text);
        Assert.Equal(["市直各有关单位"], task.LeadUnits);
        Assert.Equal(["各县(市、区)人民政府", "各开发区管委会"], task.CoUnits);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Houhu_dated_sections_of_a_general_chapter_are_phases()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("houhu-qingjie-2025.txt"));

        Assert.Equal("后湖管理区清洁家园行动方案", plan.Title);
        Assert.Equal(
            [("动员部署", "2025-01", "2025-01", 21), ("集中攻坚", "2025-01", "2025-10", 23), ("持续推进", "2025-10", "2025-12", 25)],
            plan.Phases.Select(p => (p.Name, p.Start.ToString(), p.End.ToString(), p.Line)).ToList());
        // The plan names no units anywhere: rather than refuse it as "not a plan", its 重点任务 sections are read
        // as tasks, each with a warning saying it has no units; 四、工作措施 (how it is carried out) is not.
        Assert.Equal(["清理农村全域无垃圾", "开展生态环境治理", "归整各类杂物", "开展重点领域整治"], plan.Tasks.Select(t => t.Title).ToList());
        Assert.All(plan.Tasks, t => Assert.Empty(t.LeadUnits));
        Assert.Equal(plan.Tasks.Select(t => t.Line).ToList(), plan.Warnings.Select(w => w.Line).ToList());
        Assert.Empty(plan.Targets);
    }

    [Fact]
    public void Guangzhou_target_bullets_without_figures_give_no_targets_and_no_warnings()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("guangzhou-jiaowang-2018.txt"));

        Assert.Equal("广州建设国际交往中心三年行动计划（2018-2020年）", plan.Title);
        Assert.Empty(plan.Targets);
        Assert.Empty(plan.Tasks);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_town_plans_phases_in_months_take_the_year_of_its_title()
    {
        var plan = PlanDocumentParser.Parse(Fixture.Text("xxzhen-chuangwen-2023.txt"));

        Assert.Equal("镇2023年度创建全国文明城市工作实施方案", plan.Title);
        var phase = Assert.Single(plan.Phases);
        Assert.Equal(("宣传发动阶段", "2023-01", "2023-02", 15), (phase.Name, phase.Start.ToString(), phase.End.ToString(), phase.Line));
        Assert.StartsWith("制定XX镇2023年度", phase.Description);
        // "《XX县2021-2023年…责任分解表》" names a document; its years are not a target.
        Assert.Empty(plan.Targets);
        Assert.Empty(plan.Warnings);
    }
}
