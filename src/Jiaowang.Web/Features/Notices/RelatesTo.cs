using System.Text.RegularExpressions;
using Jiaowang.Core.Meetings;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Notices;

/// <summary>
/// What a supervision notice is about, written as a short string: <c>report:12</c> (a report), <c>owed:{periodId}:{taskId}</c>
/// (a report owed and not written; <c>owed:{periodId}:final</c> for a summary), <c>instruction:5</c> (an unanswered
/// instruction) or <c>followUp:3</c> (a meeting's follow-up item). It must exist and belong to the notice's unit.
/// </summary>
public sealed partial record RelatesTo(string Kind, int Id, int? TaskId = null)
{
    [GeneratedRegex(@"^(report|instruction|followUp):(\d{1,9})$|^owed:(\d{1,9}):(\d{1,9}|final)$")]
    private static partial Regex Pattern();

    public static RelatesTo? Parse(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success) return null;
        if (m.Groups[1].Success) return new RelatesTo(m.Groups[1].Value, int.Parse(m.Groups[2].Value));
        return new RelatesTo("owed", int.Parse(m.Groups[3].Value), m.Groups[4].Value == "final" ? null : int.Parse(m.Groups[4].Value));
    }

    public override string ToString() => Kind == "owed" ? $"owed:{Id}:{(TaskId is { } t ? t.ToString() : "final")}" : $"{Kind}:{Id}";

    /// <summary>The link to the item: the report, or the unit's work page for what has no page of its own.</summary>
    public string Link => Kind == "report" ? $"/work/reports/{Id}" : "/work";

    public static string OwedItem(int periodId, int? taskId, int unitId) => $"owed:{periodId}:{(taskId is { } t ? t.ToString() : "final")}:{unitId}";
}

/// <summary>What the notice's colour is worked out from: the item's due day and whether its task is behind the expected pace.</summary>
public sealed record RelatedItem(int PlanId, DateOnly? Due, bool BehindPace, string Description);

public static class RelatedItems
{
    /// <returns>The item, or null when it does not exist or does not belong to the unit (or is already done).</returns>
    /// <param name="known">The plan's state today when the caller has it loaded already (the ladder, issuing many notices in one round).</param>
    public static async Task<RelatedItem?> FindAsync(JiaowangDb db, RelatesTo relatesTo, int unitId, DateOnly today, ReportingOptions options, CancellationToken ct,
        SupervisionState? known = null)
    {
        switch (relatesTo.Kind)
        {
            case "report":
            {
                var report = await db.Reports.AsNoTracking().Where(r => r.Id == relatesTo.Id && r.UnitId == unitId)
                    .Select(r => new { r.PeriodId, r.TaskId, r.State }).FirstOrDefaultAsync(ct);
                if (report is null) return null;
                return await OwedAsync(db, report.PeriodId, report.TaskId, unitId, today, options, mustBeOwed: false, known, ct);
            }
            case "owed":
                return await OwedAsync(db, relatesTo.Id, relatesTo.TaskId, unitId, today, options, mustBeOwed: true, known, ct);
            case "instruction":
            {
                var instruction = await db.Instructions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == relatesTo.Id && i.UnitId == unitId, ct);
                if (instruction is null || instruction.IsAnswered) return null;
                var planId = await db.Plans.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(ct);
                return new RelatedItem(planId, null, false, "领导批示：" + Shorten(instruction.Text));
            }
            default:
            {
                var followUp = await db.FollowUps.AsNoTracking().Include(f => f.Meeting).FirstOrDefaultAsync(f => f.Id == relatesTo.Id && f.UnitId == unitId, ct);
                if (followUp is null || followUp.State == FollowUpState.Done) return null;
                return new RelatedItem(followUp.Meeting!.PlanId, followUp.Deadline, false, "议定事项：" + Shorten(followUp.Text));
            }
        }
    }

    static async Task<RelatedItem?> OwedAsync(JiaowangDb db, int periodId, int? taskId, int unitId, DateOnly today, ReportingOptions options,
        bool mustBeOwed, SupervisionState? known, CancellationToken ct)
    {
        var planId = await db.Periods.Where(p => p.Id == periodId).Select(p => (int?)p.PlanId).FirstOrDefaultAsync(ct);
        if (planId is null) return null;
        // Loading the state reads every report of the plan: reuse the caller's when it is of this period's plan.
        var state = known is not null && known.PlanPeriods.Any(p => p.Id == periodId) ? known
            : await SupervisionState.LoadAsync(db, planId.Value, today, options, ct);
        var period = state.PlanPeriods.Single(p => p.Id == periodId);
        var owed = state.Outstanding(period).FirstOrDefault(o => o.UnitId == unitId && o.TaskId == taskId);
        if (mustBeOwed && owed is null) return null;
        var behind = taskId is { } t && state.UnitOnTask(t, unitId).Status == Status.Behind;
        var task = taskId is { } id ? await db.Tasks.Where(x => x.Id == id).Select(x => $"{x.Number}. {x.Title}").FirstOrDefaultAsync(ct) : "工作总结";
        return new RelatedItem(planId.Value, period.Deadline, behind, $"{TextSetup.Month(period.Start)} {task}（截止 {TextSetup.Day(period.Deadline)}）");
    }

    static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
