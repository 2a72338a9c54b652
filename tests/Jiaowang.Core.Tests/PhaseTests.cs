using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

public class PhaseTests
{
    private static ParsedPlan Parse(string chapter, string title = "三、工作安排") => PlanDocumentParser.Parse(title + "\n\n" + chapter);

    [Theory]
    [InlineData("(二)办理落实阶段(2026年4月—9月)。各单位开展工作。", "办理落实阶段", "2026-04", "2026-09")]
    [InlineData("（一）动员部署阶段（2026年3月）。制定方案。", "动员部署阶段", "2026-03", "2026-03")]
    [InlineData("(三)总结汇报阶段(2026年10月至12月)。总结。", "总结汇报阶段", "2026-10", "2026-12")]
    [InlineData("(三)总结阶段(2026年10月—2027年1月)。总结。", "总结阶段", "2026-10", "2027-01")]
    [InlineData("(一)部署阶段(2026年3月底前)。部署。", "部署阶段", "2026-03", "2026-03")]
    [InlineData("(二)推进阶段(2026年4月-9月)。推进。", "推进阶段", "2026-04", "2026-09")]
    [InlineData("(二)推进阶段(2026年4月–9月)。推进。", "推进阶段", "2026-04", "2026-09")]
    [InlineData("(二)推进阶段(2026年4月~9月)。推进。", "推进阶段", "2026-04", "2026-09")]
    [InlineData("(二)推进阶段(2026年11月—2月)。推进。", "推进阶段", "2026-11", "2027-02")]
    [InlineData("1. 启动阶段（2026年5月）：成立专班。", "启动阶段", "2026-05", "2026-05")]
    public void A_phase_heading_gives_name_and_months(string line, string name, string start, string end)
    {
        var phase = Assert.Single(Parse(line).Phases);
        Assert.Equal(name, phase.Name);
        Assert.Equal(start, phase.Start.ToString());
        Assert.Equal(end, phase.End.ToString());
        Assert.Equal(3, phase.Line);
    }

    [Fact]
    public void The_description_is_the_text_after_the_heading_even_on_its_own_line()
    {
        var plans = Parse("(一)动员部署阶段(2026年3月)\n\n制定工作方案,明确责任。", "三、实施步骤");
        Assert.Equal("制定工作方案,明确责任。", Assert.Single(plans.Phases).Description);
    }

    [Fact]
    public void The_year_carries_over_from_the_phase_before()
    {
        var plan = Parse("(一)部署阶段(2026年11月)。部署。\n(二)推进阶段(12月—3月)。推进。", "三、时间安排");
        Assert.Equal(("2026-12", "2027-03"), (plan.Phases[1].Start.ToString(), plan.Phases[1].End.ToString()));
    }

    [Fact]
    public void A_phase_without_months_is_a_warning()
    {
        var plan = Parse("(一)动员部署阶段。制定方案。\n(二)推进阶段(2026年4月—9月)。推进。");
        Assert.Single(plan.Phases);
        Assert.Equal(3, Assert.Single(plan.Warnings).Line);
    }
}
