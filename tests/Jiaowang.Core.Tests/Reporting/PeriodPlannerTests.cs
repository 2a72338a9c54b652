using Jiaowang.Core.Documents;
using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

public sealed class PeriodPlannerTests
{
    // The Wuhan plan: 动员部署 March, 办理落实 April–September, 总结汇报 October–December.
    static readonly PhaseSpan[] Wuhan =
    [
        new(0, "动员部署阶段", new YearMonth(2026, 3), new YearMonth(2026, 3)),
        new(1, "办理落实阶段", new YearMonth(2026, 4), new YearMonth(2026, 9)),
        new(2, "总结汇报阶段", new YearMonth(2026, 10), new YearMonth(2026, 12)),
    ];

    [Fact]
    public void The_implementation_phase_has_a_monthly_report_due_the_5th_of_the_next_month()
    {
        var monthly = PeriodPlanner.Generate(7, Wuhan).Where(p => p.Kind == PeriodKind.Monthly).ToList();

        Assert.Equal(6, monthly.Count);
        Assert.Equal(new DateOnly(2026, 4, 1), monthly[0].Start);
        Assert.Equal(new DateOnly(2026, 4, 30), monthly[0].End);
        Assert.Equal(new DateOnly(2026, 5, 5), monthly[0].Deadline);
        Assert.Equal(new DateOnly(2026, 10, 5), monthly[^1].Deadline);
        Assert.All(monthly, p => Assert.Equal(7, p.PlanId));
    }

    [Fact]
    public void Every_phase_but_the_last_ends_with_a_stage_summary_and_the_summary_phase_asks_for_the_final_one()
    {
        var periods = PeriodPlanner.Generate(1, Wuhan);

        var stages = periods.Where(p => p.Kind == PeriodKind.StageSummary).ToList();
        Assert.Equal([new DateOnly(2026, 4, 5), new DateOnly(2026, 10, 5)], stages.Select(p => p.Deadline));
        var final = Assert.Single(periods, p => p.Kind == PeriodKind.FinalSummary);
        Assert.Equal(new DateOnly(2026, 10, 1), final.Start);
        Assert.Equal(new DateOnly(2026, 12, 5), final.Deadline);
    }

    [Fact]
    public void The_deadline_day_is_configurable_and_must_exist_in_every_month()
    {
        var periods = PeriodPlanner.Generate(1, Wuhan, new PeriodRules(DeadlineDay: 10));

        Assert.Equal(new DateOnly(2026, 5, 10), periods.First(p => p.Kind == PeriodKind.Monthly).Deadline);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodPlanner.Generate(1, Wuhan, new PeriodRules(31)));
    }

    [Theory]
    [InlineData("动员部署阶段", PhaseKind.Mobilization)]
    [InlineData("组织实施阶段", PhaseKind.Implementation)]
    [InlineData("办理落实阶段", PhaseKind.Implementation)]
    [InlineData("总结验收阶段", PhaseKind.Summary)]
    public void A_phase_is_known_by_its_name(string name, PhaseKind kind) => Assert.Equal(kind, PeriodPlanner.KindOf(name));

    [Fact]
    public void A_period_is_overdue_the_day_after_its_deadline()
    {
        var april = PeriodPlanner.Generate(1, Wuhan).First(p => p.Kind == PeriodKind.Monthly);

        Assert.False(april.IsOverdue(new DateOnly(2026, 5, 5)));
        Assert.True(april.IsOverdue(new DateOnly(2026, 5, 6)));
        Assert.False(april.IsOpen(new DateOnly(2026, 3, 31)));
    }
}
