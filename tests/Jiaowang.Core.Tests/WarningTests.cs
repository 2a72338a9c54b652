using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

public class WarningTests
{
    private const string TaskWithoutUnits = "二、工作任务\n\n(一)扩大影响力\n\n1. 建设重要舞台。积极承办活动。";

    [Fact]
    public void A_task_without_units_is_kept_and_reported_in_chinese()
    {
        using var _ = new UiCulture("zh-CN");
        var plan = PlanDocumentParser.Parse(TaskWithoutUnits);
        Assert.Equal("建设重要舞台", Assert.Single(plan.Tasks).Title);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.Equal("任务 1 没有写明责任单位：建设重要舞台。积极承办活动。", warning.Message);
    }

    [Fact]
    public void Warnings_follow_the_ui_culture()
    {
        using var _ = new UiCulture("en-GB");
        var warning = Assert.Single(PlanDocumentParser.Parse(TaskWithoutUnits).Warnings);
        Assert.Equal("Task 1 names no responsible unit: 建设重要舞台。积极承办活动。", warning.Message);
    }

    [Fact]
    public void Tasks_whose_chapter_is_their_group_are_found_by_their_units()
    {
        // Plans such as Baoji's 2022 放管服 work points have no "任务" chapter; each chapter is a group.
        var plan = PlanDocumentParser.Parse("一、坚持系统集成,推动审批全链条优化\n\n1.全面实施行政许可事项清单管理。依据清单编制目录。(市政府办公室、市审改办牵头,市级各有关部门按职责分工负责)");
        var task = Assert.Single(plan.Tasks);
        Assert.Equal(("坚持系统集成,推动审批全链条优化", "一"), (task.Group, task.GroupNumber));
        Assert.Equal(["市政府办公室", "市审改办"], task.LeadUnits);
        Assert.Equal(["市级各有关部门"], task.CoUnits);
        Assert.Empty(plan.Warnings);
    }
}

public class SectionTaskTests
{
    [Fact]
    public void Sections_that_carry_units_are_tasks_grouped_by_their_chapter()
    {
        // The layout of Sichuan's 现代流通体系建设实施方案: chapters are groups, (一) sections are tasks.
        var plan = PlanDocumentParser.Parse("一、深化现代流通市场化改革\n\n(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局〕\n\n(二)优化市场准入环境。实施“证照分离”改革。〔责任单位:省市场监管局〕");
        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Number));
        Assert.All(plan.Tasks, t => Assert.Equal(("深化现代流通市场化改革", "一"), (t.Group, t.GroupNumber)));
        Assert.Equal("加强市场体系建设", plan.Tasks[0].Title);
        Assert.Equal(["省发展改革委"], plan.Tasks[0].LeadUnits);
        Assert.Equal(["省市场监管局"], plan.Tasks[1].LeadUnits);
    }
}
