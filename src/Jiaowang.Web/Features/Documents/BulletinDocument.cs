using Jiaowang.Core.Documents.Word;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using static Jiaowang.Web.Features.Documents.DocumentParts;

namespace Jiaowang.Web.Features.Documents;

/// <summary>
/// A progress bulletin (工作通报) for a span of days: headline figures, per task what the office accepted in the span
/// (lead unit first), the targets as they stood on its last day, and who reported late or was sent back.
/// </summary>
public static class BulletinDocument
{
    /// <param name="named">Items the escalation ladder named for this bulletin (通报, docs/SUPERVISION.md "Ladder"): unit and what it owes.</param>
    public static OfficialDocument Build(PlanRecord plan, DateOnly from, DateOnly to, DateOnly today, string issuingOffice,
        FontChoice fonts = FontChoice.Official, IReadOnlyList<(string Unit, string What)>? named = null)
    {
        var document = new OfficialDocument(fonts).Title(TitleOf(plan)).Subtitle($"（{Day(from)}—{Day(to)}）");
        bool InSpan(DateOnly day) => day >= from && day <= to;
        var accepted = plan.Accepted.Where(r => InSpan(r.AcceptedOn)).ToList();
        var submitted = plan.Owed.Count(o => o.FirstSubmitted is { } sent && InSpan(sent));
        var due = plan.Owed.Where(o => InSpan(o.Deadline)).ToList();
        var asOf = to < today ? to : today;
        var late = due.Where(o => o.LateOn(asOf.AddDays(1))).ToList();
        var returns = plan.Returns.Count(InSpan);
        var assessed = plan.Targets.Select(t => plan.Assess(t, to)).ToList();

        document.Text($"{Day(from)}至{Day(to)}，各责任单位首次报送进展报告和总结{submitted}份，市委外办审核通过{accepted.Count}份、退回修改{returns}次；"
                      + $"本期截止报送的{due.Count}份中，逾期报送或未报送{late.Count}份。"
                      + $"截至{Day(to)}，方案确定的{assessed.Count}项目标中，已完成{assessed.Count(a => a.Status == Status.Done)}项，"
                      + $"正常推进{assessed.Count(a => a.Status == Status.OnTrack)}项，存在风险{assessed.Count(a => a.Status == Status.AtRisk)}项，"
                      + $"进度滞后{assessed.Count(a => a.Status == Status.Behind)}项。现将有关情况通报如下。");

        document.Heading1("一、工作进展");
        var ordinal = 0;
        foreach (var group in plan.Groups)
        {
            document.Heading2($"（{ChineseNumber(++ordinal)}）{group.Title}");
            foreach (var task in group.Tasks)
            {
                document.Heading3($"{task.Number}. {task.Title}");
                var any = false;
                foreach (var unit in task.Units)
                {
                    // Monthly reports on this task, then the unit's summaries (which cover all its tasks) once, under its first task.
                    foreach (var report in accepted.Where(r => r.UnitId == unit.UnitId && r.TaskId == task.Id).OrderBy(r => r.PeriodStart))
                    {
                        UnitReport(document, unit, $"{Month(report.PeriodStart)}", report.Text);
                        any = true;
                    }
                }
                if (!any) document.Text("本期无审核通过的进展报告。");
            }
        }
        var summaries = accepted.Where(r => r.TaskId is null).ToList();
        if (summaries.Count > 0)
        {
            document.Heading2($"（{ChineseNumber(++ordinal)}）阶段性总结和办理工作情况总结");
            var units = plan.Groups.SelectMany(g => g.Tasks).SelectMany(t => t.Units).DistinctBy(u => u.UnitId).ToDictionary(u => u.UnitId);
            foreach (var report in summaries.OrderBy(r => r.PeriodStart).ThenBy(r => r.UnitId))
            {
                var unit = units[report.UnitId];
                var kind = report.Kind == PeriodKind.FinalSummary ? "办理工作情况总结" : "阶段性总结";
                document.Blocks(RichTextBlocks.Parse(report.Text), [new TextRun($"{unit.Name}（{kind}）：", Bold: true)]);
            }
        }

        document.Heading1("二、目标完成情况");
        document.Text($"截至{Day(to)}，" + SummaryDocument.TargetSentence(assessed));
        TargetsTable(document, plan, to, "当前值");

        document.Heading1("三、督办情况");
        var still = plan.Owed.Where(o => o.Deadline < asOf && (o.FirstSubmitted is not { } sent || sent > asOf)).ToList();
        var text = $"本期逾期报送或未报送{late.Count}份，退回修改{returns}次。";
        text += still.Count == 0
            ? $"截至{Day(asOf)}，无逾期未报的单位。"
            : $"截至{Day(asOf)}，仍有{still.Select(s => s.UnitId).Distinct().Count()}家单位逾期未报：" + UnitCounts(still.GroupBy(s => s.UnitName)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count()))) + "，请抓紧报送。";
        document.Text(text);
        // The ladder's bulletin step: units still owing after reminders and a supervision notice are named here, and
        // notices whose respond-by day passed unanswered (step noticeOverdue) in a sentence of their own.
        static string Named(IEnumerable<(string Unit, string What)> items) => string.Join("；", items.GroupBy(n => n.Unit)
            .Select(g => $"{g.Key}（{string.Join("、", g.Select(n => n.What).Distinct())}）"));
        var reports = (named ?? []).Where(n => !n.What.StartsWith("督办单", StringComparison.Ordinal)).ToList();
        var notices = (named ?? []).Where(n => n.What.StartsWith("督办单", StringComparison.Ordinal)).ToList();
        if (reports.Count > 0)
            document.Text("经到期催办、二次催办并下发督办单后仍逾期未报，现予通报：" + Named(reports) + "。请上述单位立即报送，并说明逾期原因。");
        if (notices.Count > 0)
            document.Text("下列单位未在规定时限内答复督办单，现予通报：" + Named(notices) + "。请上述单位立即答复，并说明逾期原因。");

        return document.Signature(issuingOffice, today);
    }

    public static string TitleOf(PlanRecord plan) =>
        plan.Subject.EndsWith("办理", StringComparison.Ordinal) ? $"{plan.Subject[..^2]}\n办理工作通报" : $"{plan.Subject}\n工作通报";
}
