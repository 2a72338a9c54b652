using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Documents;

/// <summary>
/// Half a year of the Wuhan plan written through the domain's own rules (Report.Start/Submit/Return/Accept, readings):
/// every lead unit's April and May reports accepted, one of them returned once first; final summaries accepted for every
/// unit but two — 团市委 has only a May report on task 1 (accepted at 07:00 on 1 June in Wuhan, still 31 May in UTC),
/// 市贸促会 nothing at all; a reading for every target.
/// </summary>
public static class DocumentsData
{
    public static readonly DateTimeOffset FinalAccepted = At(11, 20);
    public const string ForeignAffairsSentence = "市委外办牵头举办2026武汉国际友城合作大会，新增国际友城2个";
    public const string ReturnComment = "请补充国际航线旅客吞吐量";

    /// <summary>A moment in Wuhan (UTC+8), stored as UTC as the app stores every instant.</summary>
    static DateTimeOffset At(int month, int day, int hour = 10) => new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static async Task FillAsync(SupervisionApp app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var assignments = await db.Assignments.Where(a => a.Task!.Group!.PlanId == app.PlanId)
            .Select(a => new { a.PlanTaskId, a.Task!.Number, a.UnitId, a.Unit!.Name, a.Role }).ToListAsync();
        var final = app.Periods.Single(p => p.Kind == "finalSummary");
        var (april, may) = (app.Monthly(4), app.Monthly(5));

        foreach (var lead in assignments.Where(a => a.Role == AssignmentRole.Lead))
        {
            var returned = lead.Number == 5;
            db.Reports.Add(Accepted(april.Id, lead.PlanTaskId, lead.UnitId,
                $"<p>{lead.Name}4月份围绕第{lead.Number}项任务制定工作方案，明确责任分工。</p>", At(5, 3), At(5, 8), returned));
            db.Reports.Add(Accepted(may.Id, lead.PlanTaskId, lead.UnitId,
                $"<p>{lead.Name}5月份推进第{lead.Number}项任务，<strong>完成阶段目标</strong>。</p>", At(6, 3), At(6, 8), false));
        }
        var task1 = assignments.Where(a => a.Number == 1).ToList();
        var youth = task1.Single(a => a.Name == "团市委");
        db.Reports.Add(Accepted(may.Id, youth.PlanTaskId, youth.UnitId, "<p>团市委组织青年代表参与世界青年发展论坛筹备。</p>", At(5, 30), At(6, 1, hour: 7), false));

        foreach (var unit in assignments.DistinctBy(a => a.UnitId).Where(a => a.Name is not ("团市委" or "市贸促会")))
        {
            var text = unit.Name == "市委外办"
                ? $"<p>{ForeignAffairsSentence}。</p><ol><li>建立<strong>工作专班</strong>，按月调度；</li><li>推动友城务实合作项目12个。</li></ol>"
                : $"<p>{unit.Name}全面完成方案确定的各项任务，建立工作台账，按月报送进展。</p>";
            db.Reports.Add(Accepted(final.Id, null, unit.UnitId, text, FinalAccepted.AddDays(-3), FinalAccepted, false));
        }

        var factors = new[] { 1.0m, 0.6m, 0.3m, 0.95m };
        var targets = await db.Targets.Where(t => t.Group!.PlanId == app.PlanId).OrderBy(t => t.Id).ToListAsync();
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            db.Readings.Add(new Reading
            {
                TargetId = target.Id, Value = Math.Round(target.Value * factors[i % factors.Length], 1), AsOf = new DateOnly(2026, 5, 31),
                Source = "统计月报", RecordedBy = "office", RecordedAt = At(6, 1),
            });
        }
        await db.SaveChangesAsync();
    }

    static Report Accepted(int periodId, int? taskId, int unitId, string html, DateTimeOffset submitted, DateTimeOffset accepted, bool returnFirst)
    {
        var report = Report.Start(periodId, taskId, unitId, html, "liaison", submitted.AddDays(-1));
        report.Submit("liaison", submitted);
        if (returnFirst)
        {
            report.Return("office", ReturnComment, submitted.AddDays(1));
            report.Submit("liaison", submitted.AddDays(2));
        }
        Assert.Null(report.Accept("office", accepted));
        return report;
    }

    /// <summary>The document's paragraphs as text, one a line (table cells each on their own line).</summary>
    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
