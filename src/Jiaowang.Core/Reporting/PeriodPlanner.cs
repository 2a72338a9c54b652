using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Reporting;

/// <summary>How deadlines are set; the defaults follow the office's usual practice (报送时间为次月5日前).</summary>
/// <param name="DeadlineDay">Day of the following month a monthly report or stage summary is due.</param>
public sealed record PeriodRules(int DeadlineDay = 5)
{
    public static readonly PeriodRules Default = new();
}

/// <summary>What kind of work a phase is, read from its name as Chinese plans write it.</summary>
public enum PhaseKind
{
    /// <summary>动员部署</summary>
    Mobilization,
    /// <summary>办理落实, 组织实施, 推进</summary>
    Implementation,
    /// <summary>总结汇报, 总结验收</summary>
    Summary,
}

/// <summary>A phase as the planner needs it.</summary>
public sealed record PhaseSpan(int Position, string Name, YearMonth Start, YearMonth End);

/// <summary>Derives the reporting periods of a plan from its phases (docs/STATUS-RULES.md, "Reporting periods").</summary>
public static class PeriodPlanner
{
    public static PhaseKind KindOf(string phaseName) =>
        phaseName.Contains("总结") || phaseName.Contains("验收") ? PhaseKind.Summary
        : phaseName.Contains("动员") || phaseName.Contains("部署") || phaseName.Contains("准备") ? PhaseKind.Mobilization
        : PhaseKind.Implementation;

    /// <summary>
    /// Monthly periods for every month of an implementation phase, a stage summary at the end of every phase that is
    /// not a summary phase, and the final summary in the summary phase.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> Generate(int planId, IEnumerable<PhaseSpan> phases, PeriodRules? rules = null)
    {
        rules ??= PeriodRules.Default;
        if (rules.DeadlineDay is < 1 or > 28) throw new ArgumentOutOfRangeException(nameof(rules), "The deadline day must be 1–28, a day every month has.");
        var periods = new List<ReportingPeriod>();
        foreach (var phase in phases.OrderBy(p => p.Start))
        {
            var kind = KindOf(phase.Name);
            if (kind == PhaseKind.Implementation)
            {
                for (var month = phase.Start; month <= phase.End; month = month.AddMonths(1))
                {
                    periods.Add(New(planId, PeriodKind.Monthly, phase.Position, month.FirstDay, month.LastDay, DueAfter(month, rules)));
                }
            }
            if (kind == PhaseKind.Summary)
            {
                // The units' summaries come in before the office writes the city's: due in the phase's last month.
                periods.Add(New(planId, PeriodKind.FinalSummary, phase.Position, phase.Start.FirstDay, phase.End.LastDay,
                    phase.End.FirstDay.AddDays(rules.DeadlineDay - 1)));
            }
            else
            {
                periods.Add(New(planId, PeriodKind.StageSummary, phase.Position, phase.Start.FirstDay, phase.End.LastDay, DueAfter(phase.End, rules)));
            }
        }
        return periods;
    }

    static DateOnly DueAfter(YearMonth month, PeriodRules rules) => month.AddMonths(1).FirstDay.AddDays(rules.DeadlineDay - 1);

    static ReportingPeriod New(int planId, PeriodKind kind, int phase, DateOnly start, DateOnly end, DateOnly deadline) =>
        new() { PlanId = planId, Kind = kind, PhasePosition = phase, Start = start, End = end, Deadline = deadline };
}
