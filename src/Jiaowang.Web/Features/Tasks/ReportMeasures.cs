using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Tasks;

/// <summary>Progress on one measure: <c>MeasureId</c> for one of the plan's measures, <c>WorkPlanMeasureId</c> for one of the unit's work plan.</summary>
public sealed record MeasureProgressInput(int? MeasureId, int? WorkPlanMeasureId, string? Status, string? Note);

public sealed record ReportMeasuresInput(IReadOnlyList<MeasureProgressInput>? Items);

/// <param name="Source">"plan" for the plan's measures (一是…二是…), "workPlan" for the unit's accepted work plan's.</param>
/// <param name="Status">notStarted, inProgress or done; null when the report says nothing about it.</param>
public sealed record MeasureProgressItem(string Source, int? MeasureId, int? WorkPlanMeasureId, string Text, string? Deadline, string? Status, string? Note);

/// <summary>
/// Monthly reports report against measures: the report's task's measures in the plan and in its unit's accepted work
/// plan, each with a status and a short note, saved with the report while it is a draft or returned.
/// </summary>
public sealed class ReportMeasures(JiaowangDb db, ReportActions reports, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public const int MaxNote = 500;
    static readonly string[] Statuses = ["notStarted", "inProgress", "done"];

    public static string StatusCode(MeasureProgressStatus s) => Statuses[(int)s];

    public async Task<Outcome<List<MeasureProgressItem>>> ForReportAsync(Caller caller, int reportId, CancellationToken ct = default)
    {
        var report = await reports.FindAsync(caller, reportId, ct: ct);
        if (report is null) return Refusal.NotFound(text["WorkPlan.ReportNotFound"]);
        return await ItemsAsync(report.Id, report.TaskId, report.UnitId, ct);
    }

    /// <summary>The task's measures for the unit, with what the report says of each.</summary>
    public async Task<List<MeasureProgressItem>> ItemsAsync(int reportId, int? taskId, int unitId, CancellationToken ct = default)
    {
        if (taskId is null) return [];
        var given = await db.MeasureProgress.AsNoTracking().Where(p => p.ReportId == reportId).ToListAsync(ct);
        var plan = await db.Measures.AsNoTracking().Where(m => m.PlanTaskId == taskId).OrderBy(m => m.Position).ToListAsync(ct);
        var own = await db.WorkPlanMeasures.AsNoTracking()
            .Where(m => m.WorkPlan!.PlanTaskId == taskId && m.WorkPlan.UnitId == unitId && m.WorkPlan.State == WorkPlanState.Accepted)
            .OrderBy(m => m.Position).ToListAsync(ct);
        var items = plan.Select(m => Item("plan", m.Id, null, m.Text, m.Deadline, given.FirstOrDefault(p => p.MeasureId == m.Id))).ToList();
        items.AddRange(own.Select(m => Item("workPlan", null, m.Id, m.Text, m.Due?.ToString("yyyy-MM-dd"), given.FirstOrDefault(p => p.WorkPlanMeasureId == m.Id))));
        return items;
    }

    static MeasureProgressItem Item(string source, int? measureId, int? workPlanMeasureId, string text, string? deadline, MeasureProgress? p) =>
        new(source, measureId, workPlanMeasureId, text, deadline, p is null ? null : StatusCode(p.Status), p?.Note);

    /// <summary>The unit's liaison saves the report's progress per measure; measures left out keep what was said of them.</summary>
    public async Task<Outcome<List<MeasureProgressItem>>> SaveAsync(Caller caller, int reportId, ReportMeasuresInput? input, CancellationToken ct = default)
    {
        var report = await reports.FindAsync(caller, reportId, ct: ct);
        if (report is null) return Refusal.NotFound(text["WorkPlan.ReportNotFound"]);
        if (!caller.WritesFor(report.UnitId)) return Refusal.Forbidden(text["WorkPlan.ReportNotYours"]);
        if (!report.IsEditable) return Refusal.Conflict(text["WorkPlan.ReportNotEditable"]);
        var known = await ItemsAsync(report.Id, report.TaskId, report.UnitId, ct);
        var problems = new Dictionary<string, string[]>();
        var items = input?.Items ?? [];
        var parsed = new List<(MeasureProgressInput In, MeasureProgressStatus Status, string? Note)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null || (item.MeasureId is null) == (item.WorkPlanMeasureId is null)
                || !known.Any(k => (item.MeasureId is { } m && k.MeasureId == m) || (item.WorkPlanMeasureId is { } w && k.WorkPlanMeasureId == w)))
            {
                problems[$"items[{i}]"] = [text["WorkPlan.UnknownMeasure", i + 1]];
                continue;
            }
            var index = Array.FindIndex(Statuses, s => string.Equals(s, item.Status, StringComparison.OrdinalIgnoreCase));
            if (index < 0) problems[$"items[{i}].status"] = [text["WorkPlan.BadStatus", i + 1]];
            var note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note.Trim();
            if (note is { Length: > MaxNote } || !RichText.IsSafePlainText(note)) problems[$"items[{i}].note"] = [text["WorkPlan.BadNote", i + 1, MaxNote]];
            if (index >= 0) parsed.Add((item, (MeasureProgressStatus)index, note));
        }
        if (problems.Count > 0) return Refusal.Invalid(problems, string.Join(" ", problems.Values.SelectMany(v => v)));

        var stored = await db.MeasureProgress.Where(p => p.ReportId == reportId).ToListAsync(ct);
        var before = stored.Select(p => new { p.MeasureId, p.WorkPlanMeasureId, status = StatusCode(p.Status), p.Note }).ToList();
        foreach (var (item, status, note) in parsed)
        {
            var row = stored.FirstOrDefault(p => p.MeasureId == item.MeasureId && p.WorkPlanMeasureId == item.WorkPlanMeasureId);
            if (row is null)
            {
                row = new MeasureProgress { ReportId = reportId, MeasureId = item.MeasureId, WorkPlanMeasureId = item.WorkPlanMeasureId };
                db.MeasureProgress.Add(row);
                stored.Add(row);
            }
            row.Status = status;
            row.Note = note;
        }
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("ReportMeasures", reportId.ToString(), "edit", before,
            stored.Select(p => new { p.MeasureId, p.WorkPlanMeasureId, status = StatusCode(p.Status), p.Note }).ToList())], ct);
        return await ItemsAsync(report.Id, report.TaskId, report.UnitId, ct);
    }
}
