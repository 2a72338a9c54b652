namespace Jiaowang.Core.Spreadsheets;

/// <param name="ValueProgress">Latest value ÷ target value (0.85 for 85%), null without a reading.</param>
/// <param name="TimeProgress">Elapsed share of the plan's span (序时进度).</param>
/// <param name="Status">The status as the reader calls it (正常推进 / On track …).</param>
public sealed record TargetLine(string Group, int Number, string Name, string Text, decimal Value, string Measure, string? Qualifier,
    decimal? Latest, DateOnly? LatestAsOf, decimal? ValueProgress, decimal TimeProgress, string Status, string Source);

/// <param name="Status">The task's status as the reader calls it.</param>
public sealed record TaskLine(string Group, int Number, string Title, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CoUnits, string Status);

/// <param name="Period">The period as people say it, e.g. 2026-05 月报 monthly.</param>
/// <param name="SubmittedAt">Local time where the office works.</param>
/// <param name="OnTime">Submitted by the deadline; null while not submitted.</param>
public sealed record ReportLine(string Period, DateOnly Deadline, string? Task, string Unit, string State, DateTime? SubmittedAt, bool? OnTime,
    int Returns, string? Reviewer);

/// <param name="Liaisons">"name · email · phone" for each liaison account bound to the unit.</param>
public sealed record UnitLine(string Name, IReadOnlyList<int> LeadTasks, IReadOnlyList<int> CoTasks, IReadOnlyList<LiaisonContact> Liaisons);

public sealed record LiaisonContact(string Name, string? Email, string? Phone);

/// <summary>Everything the plan export holds, gathered by the web feature.</summary>
public sealed record PlanWorkbookData(string Title, IReadOnlyList<TargetLine> Targets, IReadOnlyList<ReadingLine> Readings,
    IReadOnlyList<TaskLine> Tasks, IReadOnlyList<ReportLine> Reports, IReadOnlyList<UnitLine> Units);

/// <summary>
/// The plan export (指标 Targets, 读数 Readings, 任务 Tasks, 报告 Reports, 单位 Units): real numbers, dates and
/// percentages, so the office can filter, sort and sum in Excel, WPS or LibreOffice. The readings sheet is the import format.
/// </summary>
public static class PlanWorkbook
{
    public static byte[] Write(PlanWorkbookData data) =>
        XlsxWriter.Write([Targets(data.Targets), ReadingSheet.Export(data.Readings), Tasks(data.Tasks), Reports(data.Reports), Units(data.Units)]);

    /// <summary>The template for bulk entry: the readings sheet pre-filled with the plan's targets, and the instructions.</summary>
    public static byte[] Template(string planTitle, IEnumerable<SheetTarget> targets, DateOnly spanStart, DateOnly spanEnd) =>
        XlsxWriter.Write([ReadingSheet.Template(targets, spanStart, spanEnd), ReadingSheet.Instructions(planTitle, spanStart, spanEnd)]);

    static XlsxSheet Targets(IEnumerable<TargetLine> targets)
    {
        var sheet = new XlsxSheet("指标 Targets",
        [
            new("分组 Group", 22), new("序号 No.", 8, CellKind.Number), new("指标 Target", 36), new("目标值 Target value", 12, CellKind.Number),
            new("计量单位 Unit", 11), new("限定 Qualifier", 12), new("最新值 Latest", 12, CellKind.Number), new("截至 As of", 12, CellKind.Date),
            new("完成进度 Value progress", 13, CellKind.Percent), new("序时进度 Time progress", 13, CellKind.Percent), new("状态 Status", 12),
            new("数据来源 Source", 14), new("原文 Text", 60),
        ]);
        foreach (var t in targets)
        {
            sheet.Rows.Add([t.Group, t.Number, t.Name, t.Value, t.Measure, t.Qualifier, t.Latest, t.LatestAsOf, t.ValueProgress, t.TimeProgress,
                t.Status, t.Source, t.Text]);
        }
        return sheet;
    }

    static XlsxSheet Tasks(IEnumerable<TaskLine> tasks)
    {
        var sheet = new XlsxSheet("任务 Tasks",
        [
            new("分组 Group", 30), new("序号 No.", 8, CellKind.Number), new("任务 Task", 30), new("牵头单位 Lead units", 24),
            new("配合单位 Co-units", 36), new("状态 Status", 12), new("内容 Text", 70),
        ]);
        foreach (var t in tasks)
        {
            sheet.Rows.Add([t.Group, t.Number, t.Title, string.Join("、", t.LeadUnits), string.Join("、", t.CoUnits), t.Status, t.Text]);
        }
        return sheet;
    }

    static XlsxSheet Reports(IEnumerable<ReportLine> reports)
    {
        var sheet = new XlsxSheet("报告 Reports",
        [
            new("周期 Period", 20), new("截止日期 Deadline", 12, CellKind.Date), new("任务 Task", 30), new("单位 Unit", 22), new("状态 State", 14),
            new("报送时间 Submitted at", 17, CellKind.DateTime), new("按时 On time", 10), new("退回次数 Returns", 10, CellKind.Number),
            new("审核人 Reviewer", 14),
        ]);
        foreach (var r in reports)
        {
            sheet.Rows.Add([r.Period, r.Deadline, r.Task, r.Unit, r.State, r.SubmittedAt,
                r.OnTime switch { true => "是 yes", false => "否 no", null => null }, r.Returns, r.Reviewer]);
        }
        return sheet;
    }

    static XlsxSheet Units(IEnumerable<UnitLine> units)
    {
        var sheet = new XlsxSheet("单位 Units",
        [
            new("单位 Unit", 26), new("牵头任务 Lead tasks", 16), new("配合任务 Co-tasks", 22), new("牵头数 Leads", 9, CellKind.Number),
            new("配合数 Co", 9, CellKind.Number), new("联络员 Liaison", 14), new("邮箱 Email", 26), new("电话 Phone", 16),
        ]);
        foreach (var u in units)
        {
            // One row per liaison so that each contact filters and sorts on its own; a unit without one still has its row.
            var contacts = u.Liaisons.Count > 0 ? u.Liaisons : [new LiaisonContact("", null, null)];
            foreach (var c in contacts)
            {
                sheet.Rows.Add([u.Name, string.Join(", ", u.LeadTasks), string.Join(", ", u.CoTasks), u.LeadTasks.Count, u.CoTasks.Count,
                    c.Name, c.Email, c.Phone]);
            }
        }
        return sheet;
    }
}
