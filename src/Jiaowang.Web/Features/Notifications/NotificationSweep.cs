using Jiaowang.Core.Meetings;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Operations;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Notifications;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>
/// Raises the events nothing else raises, once per cluster (BackgroundJobs): a target's or task's status colour
/// changed since the last sweep (the colour is remembered per subject; the first sweep only remembers), and a
/// follow-up falls due within <see cref="NotificationOptions.FollowUpDaysBefore"/> days (once per item, by key).
/// Readings and reports move colours; comparing at a sweep catches every writer, the clock included.
/// </summary>
public sealed class NotificationSweep(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options,
    IOptions<ReportingOptions> reporting, BackgroundJobs jobs) : BackgroundService
{
    public const string Job = "notification-sweep";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Automatic
        ? jobs.RepeatAsync(Job, options.Value.SweepInterval, RunOnceAsync, stoppingToken)
        : Task.CompletedTask;

    /// <returns>How many events were raised.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var actor = Audit.AuditActors.Use("system:notifications");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<INotifier>();
        var today = clock.Today();
        var raised = 0;
        var marks = await db.Set<NotificationMark>().ToDictionaryAsync(m => m.Key, ct);
        // Every plan's statuses in a few queries (the scale of issue 16 is 300 plans), then each compared with its mark.
        var planIds = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var phases = (await db.Phases.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.PlanId);
        var targets = await TargetStates.ForPlansAsync(db, planIds, phases, today, ct);
        var targetTexts = await db.Targets.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Metric, ct);
        var supervision = await SupervisionState.LoadManyAsync(db, planIds, today, reporting.Value, ct);
        var tasks = await db.Tasks.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Number + ". " + t.Title, ct);
        foreach (var planId in planIds)
        {
            foreach (var (id, state) in targets[planId])
                raised += await CompareAsync(db, notifier, marks, FollowKinds.Target, id, targetTexts.GetValueOrDefault(id) ?? "", state.Assessment.Status,
                    $"/plans/{planId}#target-{id}", ct);
            foreach (var (id, assessment) in supervision[planId].Tasks)
                raised += await CompareAsync(db, notifier, marks, FollowKinds.Task, id, tasks.GetValueOrDefault(id) ?? "", assessment.Status, $"/tasks/{id}", ct);
        }
        raised += await FollowUpsDueAsync(db, notifier, marks, today, ct);
        await db.SaveChangesAsync(ct);
        return raised;
    }

    async Task<int> CompareAsync(JiaowangDb db, INotifier notifier, Dictionary<string, NotificationMark> marks, string kind, int id,
        string title, Status status, string link, CancellationToken ct)
    {
        var key = $"colour:{kind}:{id}";
        var colour = status.ToString();
        if (!marks.TryGetValue(key, out var mark))
        {
            mark = new NotificationMark { Key = key, Value = colour, At = clock.GetUtcNow() };
            marks[key] = mark;
            db.Add(mark);
            return 0;
        }
        if (mark.Value == colour) return 0;
        var before = mark.Value;
        mark.Value = colour;
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new NotificationEvent("status.changed",
            $"状态变化：{title}（{Zh(before)} → {Zh(colour)}）", $"Status changed: {title} ({En(before)} → {En(colour)})",
            null, null, link, [], [], kind, id), ct);
        return 1;
    }

    async Task<int> FollowUpsDueAsync(JiaowangDb db, INotifier notifier, Dictionary<string, NotificationMark> marks, DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(options.Value.FollowUpDaysBefore);
        var due = await db.FollowUps.AsNoTracking().Where(f => f.State != FollowUpState.Done && f.Deadline >= today && f.Deadline <= until)
            .Select(f => new { f.Id, f.Text, f.UnitId, f.Deadline, f.MeetingId }).ToListAsync(ct);
        var raised = 0;
        foreach (var f in due)
        {
            var key = $"followup-due:{f.Id}:{f.Deadline:yyyyMMdd}";
            if (marks.ContainsKey(key)) continue;
            var mark = new NotificationMark { Key = key, At = clock.GetUtcNow() };
            marks[key] = mark;
            db.Add(mark);
            await db.SaveChangesAsync(ct);
            var text = f.Text.Length > 80 ? f.Text[..80] + "…" : f.Text;
            await notifier.PublishAsync(new NotificationEvent("followup.due",
                $"议定事项将于 {TextSetup.Day(f.Deadline)} 到期", $"Follow-up due on {f.Deadline:yyyy-MM-dd}", text, text,
                $"/meetings/{f.MeetingId}", [], [f.UnitId], FollowKinds.Unit, f.UnitId), ct);
            raised++;
        }
        return raised;
    }

    static string Zh(string? status) => status switch
    {
        nameof(Status.OnTrack) => "正常", nameof(Status.AtRisk) => "预警", nameof(Status.Behind) => "滞后", nameof(Status.Done) => "完成", _ => status ?? "",
    };

    static string En(string? status) => status switch
    {
        nameof(Status.OnTrack) => "on track", nameof(Status.AtRisk) => "at risk", nameof(Status.Behind) => "behind", nameof(Status.Done) => "done", _ => status ?? "",
    };
}
