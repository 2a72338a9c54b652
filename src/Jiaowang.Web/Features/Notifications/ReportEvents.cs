using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>The events the supervision actions raise: a report returned or accepted, an instruction (批示) received.</summary>
public static class ReportEvents
{
    public static Task<NotificationEvent> ReturnedAsync(JiaowangDb db, Report report, CancellationToken ct) =>
        ForReportAsync(db, report, "report.returned", "报告被退回", "Report returned", report.ReviewComment, ct);

    public static Task<NotificationEvent> AcceptedAsync(JiaowangDb db, Report report, CancellationToken ct) =>
        ForReportAsync(db, report, "report.accepted", "报告已通过", "Report accepted", null, ct);

    static async Task<NotificationEvent> ForReportAsync(JiaowangDb db, Report report, string kind, string zh, string en, string? comment, CancellationToken ct)
    {
        var what = await DescribeAsync(db, report.TaskId, report.UnitId, ct);
        var period = await db.Periods.AsNoTracking().Where(p => p.Id == report.PeriodId).Select(p => new { p.Kind, p.Start }).FirstAsync(ct);
        var month = TextSetup.Month(period.Start);
        // The liaisons who wrote it hear it by their unit; the author by name even if they have since moved unit.
        var authors = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id && v.Action == "submit").Select(v => v.By).Distinct()
            .Join(db.Users, name => name, u => u.UserName, (name, u) => u.Id).ToListAsync(ct);
        var body = comment is { Length: > 0 } c ? $"{what.Zh}（{month}）\n意见：{c}" : $"{what.Zh}（{month}）";
        var bodyEn = comment is { Length: > 0 } c2 ? $"{what.En} ({period.Start:yyyy-MM})\nComment: {c2}" : $"{what.En} ({period.Start:yyyy-MM})";
        return new NotificationEvent(kind, $"{zh}：{what.Zh}", $"{en}: {what.En}", body, bodyEn, $"/work/reports/{report.Id}", authors, [report.UnitId],
            report.TaskId is null ? FollowKinds.Unit : FollowKinds.Task, report.TaskId ?? report.UnitId);
    }

    public static async Task<NotificationEvent> InstructedAsync(JiaowangDb db, IReadOnlyList<Instruction> created, CancellationToken ct)
    {
        var first = created[0];
        var taskId = first.TaskId ?? (first.ReportId is { } r ? await db.Reports.Where(x => x.Id == r).Select(x => x.TaskId).FirstOrDefaultAsync(ct) : null);
        var what = await DescribeAsync(db, taskId, first.UnitId, ct);
        var text = first.Text.Length > 200 ? first.Text[..200] + "…" : first.Text;
        return new NotificationEvent("instruction.received", $"收到领导批示：{what.Zh}", $"Instruction received: {what.En}", $"{first.By}：{text}", $"{first.By}: {text}",
            "/work", [], created.Select(i => i.UnitId).Distinct().ToList(), taskId is null ? FollowKinds.Unit : FollowKinds.Task, taskId ?? first.UnitId);
    }

    static async Task<(string Zh, string En)> DescribeAsync(JiaowangDb db, int? taskId, int unitId, CancellationToken ct)
    {
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        if (taskId is not { } t) return (unit, unit);
        var task = await db.Tasks.Where(x => x.Id == t).Select(x => new { x.Number, x.Title }).FirstOrDefaultAsync(ct);
        return task is null ? (unit, unit) : ($"{unit} · 任务 {task.Number}. {task.Title}", $"{unit} · task {task.Number}. {task.Title}");
    }
}
