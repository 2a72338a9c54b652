using Jiaowang.Core.Documents.Word;
using Jiaowang.Core.Evaluations;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using static Jiaowang.Web.Features.Documents.DocumentParts;

namespace Jiaowang.Web.Features.Documents;

/// <summary>
/// The city-wide final summary (全市办理工作总结) the office compiles at the end of the plan: per task, in the plan's
/// groups, its lead unit then co-units with each one's accepted final summary; the targets with final values and
/// completion ratios; overdue and returned counts; the assessment (结果考评) with the office's weights; the satisfaction
/// results when the vote has closed.
/// </summary>
public static class SummaryDocument
{
    public static OfficialDocument Build(PlanRecord plan, DateOnly today, string issuingOffice, EvaluationResults? satisfaction,
        FontChoice fonts = FontChoice.Official, Assessment.AssessmentResult? assessment = null)
    {
        var document = new OfficialDocument(fonts).Title(TitleOf(plan));
        var finals = plan.Accepted.Where(r => r.Kind == PeriodKind.FinalSummary)
            .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AcceptedOn).ThenByDescending(r => r.Id).First());
        var unitCount = plan.Groups.SelectMany(g => g.Tasks).SelectMany(t => t.Units).Select(u => u.UnitId).Distinct().Count();
        var taskCount = plan.Groups.Sum(g => g.Tasks.Count);
        var assessed = plan.Targets.Select(t => plan.Assess(t, today)).ToList();
        var done = assessed.Count(a => a.Status == Status.Done);

        document.Text($"按照《{plan.Title}》{(plan.DocumentNumber is { } number ? $"（{number}）" : "")}部署，{unitCount}家责任单位围绕"
                      + $"{plan.Targets.Count}项目标、{taskCount}项任务认真抓好办理落实，累计报送进展报告和总结{plan.Owed.Count(o => o.FirstSubmitted is not null)}份，"
                      + $"审核通过{plan.Accepted.Count}份；{finals.Count}家单位提交了办理工作情况总结并经审核通过。"
                      + $"截至{Day(today)}，{plan.Targets.Count}项目标中已完成{done}项。现将办理工作情况总结如下。");

        document.Heading1("一、目标完成情况");
        document.Text(TargetSentence(assessed));
        TargetsTable(document, plan, today, "完成值");

        document.Heading1("二、任务办理情况");
        var printed = new Dictionary<int, int>();
        var ordinal = 0;
        foreach (var group in plan.Groups)
        {
            document.Heading2($"（{ChineseNumber(++ordinal)}）{group.Title}");
            foreach (var task in group.Tasks)
            {
                document.Heading3($"{task.Number}. {task.Title}");
                foreach (var unit in task.Units) UnitPart(document, plan, task, unit, finals, printed);
            }
        }

        document.Heading1("三、督办情况");
        document.Text(SupervisionSentence(plan, today));

        var part = 3;
        if (assessment is { Units.Count: > 0 }) AssessmentSection.Write(document, $"{ChineseNumber(++part)}、结果考评情况", assessment);

        if (satisfaction is { } results)
        {
            document.Heading1($"{ChineseNumber(++part)}、满意度测评情况");
            Satisfaction(document, results);
        }

        return document.Signature(issuingOffice, today);
    }

    public static string TitleOf(PlanRecord plan) =>
        plan.Subject.EndsWith("办理", StringComparison.Ordinal) ? $"{plan.Subject[..^2]}\n办理工作总结" : $"{plan.Subject}\n工作总结";

    /// <summary>
    /// A unit's summary is printed once, under its first task; where it appears again a line points back to it. A unit
    /// without an accepted final summary shows its latest accepted report on the task, labelled with its month.
    /// </summary>
    static void UnitPart(OfficialDocument document, PlanRecord plan, TaskPart task, UnitPart unit,
        Dictionary<int, AcceptedReport> finals, Dictionary<int, int> printed)
    {
        if (finals.TryGetValue(unit.UnitId, out var final))
        {
            if (printed.TryGetValue(unit.UnitId, out var first))
            {
                document.Text([new TextRun($"{unit.Name}（{RoleName(unit.Role)}）：", Bold: true), new TextRun($"办理工作情况总结见第{first}项。")]);
                return;
            }
            printed[unit.UnitId] = task.Number;
            UnitReport(document, unit, null, final.Text);
            return;
        }
        var latest = plan.Accepted.Where(r => r.TaskId == task.Id && r.UnitId == unit.UnitId)
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.AcceptedOn).FirstOrDefault();
        if (latest is not null)
        {
            UnitReport(document, unit, $"{Month(latest.PeriodStart)}进展", latest.Text);
            return;
        }
        document.Text([new TextRun($"{unit.Name}（{RoleName(unit.Role)}）：", Bold: true), new TextRun("尚无审核通过的办理情况。")]);
    }

    internal static string TargetSentence(IReadOnlyList<StatusAssessment> assessed)
    {
        int Count(Status s) => assessed.Count(a => a.Status == s);
        return $"方案确定的{assessed.Count}项目标中，已完成{Count(Status.Done)}项，正常推进{Count(Status.OnTrack)}项，"
               + $"存在风险{Count(Status.AtRisk)}项，进度滞后{Count(Status.Behind)}项。各项目标完成情况见下表（完成率为完成值与目标值之比）。";
    }

    static string SupervisionSentence(PlanRecord plan, DateOnly today)
    {
        var late = plan.Owed.Where(o => o.LateOn(today)).ToList();
        var missing = late.Where(o => o.FirstSubmitted is null).ToList();
        var sentence = $"办理期间，应报送进展报告和总结{plan.Owed.Count(o => o.Deadline < today)}份，逾期报送或未报送{late.Count}份，"
                       + $"其中截至{Day(today)}仍未报送{missing.Count}份；市委外办审核退回修改{plan.Returns.Count}次。";
        if (missing.Count > 0)
        {
            sentence += "仍有逾期未报的单位：" + UnitCounts(missing.GroupBy(m => m.UnitName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => (g.Key, g.Count()))) + "。";
        }
        return sentence;
    }

    static void Satisfaction(OfficialDocument document, EvaluationResults results)
    {
        if (results.TooFewBallots)
        {
            // With too few ballots a tally is someone's own vote: the summary gives the turnout and says so, nothing more.
            document.Text($"{results.Title}于{Day(DateOnly.FromDateTime(results.ClosedAt.DateTime))}结束，应参加测评{results.EligibleVoters}人，"
                          + $"实际参加{results.Voters}人，参加人数少于{results.MinimumBallots}人，为保护投票人匿名，测评结果不予公布。");
            return;
        }
        var all = results.Units.Aggregate((Satisfied: 0, Basic: 0, Dissatisfied: 0),
            (sum, u) => (sum.Satisfied + u.Satisfied, sum.Basic + u.BasicallySatisfied, sum.Dissatisfied + u.Dissatisfied));
        var ballots = all.Satisfied + all.Basic + all.Dissatisfied;
        document.Text($"{results.Title}于{Day(DateOnly.FromDateTime(results.ClosedAt.DateTime))}结束，应参加测评{results.EligibleVoters}人，"
                      + $"实际参加{results.Voters}人，共对{results.Units.Count}家单位作出评价"
                      + (ballots > 0 ? $"，总体满意率{Percent((decimal)all.Satisfied / ballots)}，满意及基本满意率{Percent((decimal)(all.Satisfied + all.Basic) / ballots)}。" : "。"));
        var rows = results.Units.Select((u, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(), u.UnitName, u.Satisfied.ToString(), u.BasicallySatisfied.ToString(), u.Dissatisfied.ToString(),
            Percent(u.SatisfiedRate), Percent(u.ApprovalRate),
        ]).ToList();
        document.Table(["序号", "单位", "满意", "基本满意", "不满意", "满意率", "满意及基本满意率"], rows, [4, 9, 4, 7, 5, 5, 8],
            new HashSet<int> { 0, 2, 3, 4, 5, 6 });
        // How the rates were computed, under the table; it also keeps the signature from standing alone on a last page.
        document.Text("注：满意率＝满意票数÷该单位有效票数；满意及基本满意率＝（满意票数＋基本满意票数）÷该单位有效票数。");
    }
}
