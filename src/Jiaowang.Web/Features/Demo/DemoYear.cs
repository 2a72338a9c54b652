using Jiaowang.Core.Demo;
using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Demo;

/// <summary>What one run of the generator made.</summary>
/// <param name="Replaced">True when an earlier demo run's data was removed first.</param>
/// <param name="Accounts">Demo accounts opened by this run (ones left by an earlier run are reused).</param>
/// <param name="ReturnedOnce">Reports the office returned at least once.</param>
/// <param name="Late">Reports first submitted after their deadline.</param>
/// <param name="Overdue">Reports due before <paramref name="Until"/> that were not submitted by then (missing, draft or returned).</param>
public sealed record DemoSummary(int PlanId, int Seed, DateOnly Until, bool Replaced, int Accounts, int Reports, int Drafts, int Submitted,
    int Returned, int Accepted, int ReturnedOnce, int Late, int Overdue, int Readings, int Reminders, int Instructions, int InstructionsAnswered);

public enum DemoRefusal
{
    /// <summary>No plan with that id.</summary>
    NoPlan,
    /// <summary>The plan has reports written by people: invented data must never mix with them.</summary>
    RealReports,
    /// <summary>The plan's targets have readings entered by people.</summary>
    RealReadings,
}

/// <summary>Thrown, before anything is written, when the generator will not run on a plan.</summary>
public sealed class DemoRefusedException(DemoRefusal reason, int planId, int count)
    : Exception($"Demo data refused for plan {planId}: {reason} ({count})")
{
    public DemoRefusal Reason => reason;
    public int PlanId => planId;
    /// <summary>How many real reports or readings stand in the way.</summary>
    public int Count => count;
}

/// <summary>
/// Fills a plan with a realistic, invented year of supervision (演示数据): demo accounts, monthly reports and summaries
/// moving through review, target readings, reminders and leaders' instructions, for every period that has begun by
/// <c>until</c>. The same seed and the same <c>until</c> give the same data: every date and choice comes from the
/// periods and a seeded random stream, never from the clock. Marked as demo by a <see cref="DemoRun"/> row, the
/// <c>demo-</c> accounts that did the work and <see cref="DemoRun.TextMark"/> in every text.
/// </summary>
/// <remarks>
/// Refuses a plan with reports or manual readings by real people. On a plan that already holds demo data, the earlier
/// run's reports, readings, reminders and instructions are removed and the year is generated again, in the same
/// transaction: a failure leaves the database as it was.
/// </remarks>
public static class DemoYear
{
    public const string Leader = "demo-leader";

    public static async Task<DemoSummary> GenerateAsync(JiaowangDb db, int planId, int seed, DateOnly until, CancellationToken ct = default,
        string? password = null, string generatedBy = "demo", TimeProvider? clock = null, ReportingOptions? reporting = null)
    {
        clock ??= TimeProvider.System;
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) throw new DemoRefusedException(DemoRefusal.NoPlan, planId, 0);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Periods are generated the way the app does on first use, so the demo reports fill the periods the pages
            // show; inside the transaction, so that an interrupted run leaves no trace at all (the crash tests check).
            var periods = await Periods.ForPlanAsync(db, planId, reporting ?? new ReportingOptions(), ct);
            var periodIds = periods.Select(p => p.Id).ToList();
            await RefuseRealDataAsync(db, planId, periodIds, ct);
            var previous = await db.DemoRuns.AsNoTracking().FirstOrDefaultAsync(r => r.PlanId == planId, ct);
            var replaced = await RemoveEarlierDemoAsync(db, planId, periodIds, ct) || previous is not null;

            // The districts report for 各区人民政府, as in the real office: the shipped list, when the office has none yet.
            await Units.DistrictList.EnsureAsync(db, ct);
            // The baselines the city's documents give (partner cities: 127 in 2025), where the office has set none.
            await DemoBaselines.ApplyAsync(db, planId, ct);
            var plan = await PlanShape.LoadAsync(db, planId, ct);
            var accounts = await DemoAccounts.EnsureAsync(db, plan.Units, password, clock.GetUtcNow(), ct);
            var readers = await AssignTargetsAsync(db, plan, ct);

            // Reports first, saved in one batch so that instructions can name them.
            var profiles = Profiles(seed, plan.Units);
            var lives = Obligations(plan, periods, profiles, until).Select(o => ReportLife.Plan(seed, o, d => Compose(d, plan, o))).ToList();
            var played = lives.Select(l => (Life: l, Report: l.PlayUntil(until))).ToList();
            db.Reports.AddRange(played.Where(p => p.Report is not null).Select(p => p.Report!));
            await db.SaveChangesAsync(ct);

            var instructions = Instructions(seed, plan, played, until);
            db.Instructions.AddRange(instructions);
            var reminders = Reminders(lives, periods, plan, until);
            db.Reminders.AddRange(reminders);
            var readings = Readings(seed, plan, readers, until);
            db.Readings.AddRange(readings);

            var reports = played.Where(p => p.Report is not null).Select(p => p.Report!).ToList();
            var summary = new DemoSummary(planId, seed, until, replaced, accounts, reports.Count,
                reports.Count(r => r.State == ReportState.Draft), reports.Count(r => r.State == ReportState.Submitted),
                reports.Count(r => r.State == ReportState.Returned), reports.Count(r => r.State == ReportState.Accepted),
                reports.Count(r => r.Versions.Any(v => v.Action == "return")),
                played.Count(p => p.Report?.SubmittedAt is not null && p.Life.FirstSubmitted > p.Life.Owed.Period.Deadline),
                played.Count(p => p.Life.Owed.Period.Deadline < until && p.Report?.State is null or ReportState.Draft or ReportState.Returned),
                readings.Count, reminders.Count, instructions.Count, instructions.Count(i => i.IsAnswered));

            db.DemoRuns.Add(new DemoRun { PlanId = planId, Seed = seed, Until = until, GeneratedAt = clock.GetUtcNow(), GeneratedBy = generatedBy });
            // One audit entry for the whole run, not one per row: the rows themselves name the demo accounts.
            await new AuditLog(clock).SaveAsync(db, generatedBy,
                () => [new AuditRecord("DemoRun", planId.ToString(), replaced ? "regenerate" : "generate",
                    previous is null ? null : new { previous.Seed, previous.Until }, summary)], ct);
            await transaction.CommitAsync(ct);
            return summary;
        });
    }

    /// <summary>The latest demo run in the database, for the banner; null when it holds no demo data.</summary>
    public static Task<DemoRun?> LatestRunAsync(JiaowangDb db, CancellationToken ct = default) =>
        db.DemoRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    static async Task RefuseRealDataAsync(JiaowangDb db, int planId, List<int> periodIds, CancellationToken ct)
    {
        var realReports = await db.ReportVersions.CountAsync(v => v.Action == "create" && !v.By.StartsWith(DemoRun.UserPrefix)
            && db.Reports.Any(r => r.Id == v.ReportId && periodIds.Contains(r.PeriodId)), ct);
        if (realReports > 0) throw new DemoRefusedException(DemoRefusal.RealReports, planId, realReports);
        var realReadings = await db.Readings.CountAsync(r => r.Target!.Group!.PlanId == planId && r.Origin == ReadingOrigin.Manual
            && (r.RecordedBy == null || !r.RecordedBy.StartsWith(DemoRun.UserPrefix)), ct);
        if (realReadings > 0) throw new DemoRefusedException(DemoRefusal.RealReadings, planId, realReadings);
    }

    /// <returns>True when there was earlier demo data.</returns>
    static async Task<bool> RemoveEarlierDemoAsync(JiaowangDb db, int planId, List<int> periodIds, CancellationToken ct)
    {
        // Every report of the plan is a demo report by now (RefuseRealDataAsync), and so is everything hanging from one.
        var reports = db.Reports.Where(r => periodIds.Contains(r.PeriodId)).Select(r => r.Id);
        var taskIds = db.Tasks.Where(t => t.Group!.PlanId == planId).Select(t => t.Id);
        var removed = await db.Instructions.Where(i => (i.ReportId != null && reports.Contains(i.ReportId.Value))
            || (i.By.StartsWith(DemoRun.UserPrefix) && i.TaskId != null && taskIds.Contains(i.TaskId.Value))).ExecuteDeleteAsync(ct);
        removed += await db.Attachments.Where(a => reports.Contains(a.ReportId)).ExecuteDeleteAsync(ct);
        removed += await db.ReportVersions.Where(v => reports.Contains(v.ReportId)).ExecuteDeleteAsync(ct);
        removed += await db.Reports.Where(r => periodIds.Contains(r.PeriodId)).ExecuteDeleteAsync(ct);
        removed += await db.Reminders.Where(r => r.PeriodId != null && periodIds.Contains(r.PeriodId.Value) && r.SentBy.StartsWith(DemoRun.UserPrefix)).ExecuteDeleteAsync(ct);
        removed += await db.Readings.Where(r => r.Target!.Group!.PlanId == planId && r.Origin == ReadingOrigin.Manual
            && r.RecordedBy != null && r.RecordedBy.StartsWith(DemoRun.UserPrefix)).ExecuteDeleteAsync(ct);
        removed += await db.DemoRuns.Where(r => r.PlanId == planId).ExecuteDeleteAsync(ct);
        return removed > 0;
    }

    /// <summary>
    /// Each manual target needs a unit whose liaison enters its readings. The office's own assignment stands. A target
    /// without one goes to the unit that answers for such figures in Wuhan (商务局 for trade, 交通运输局 for routes…)
    /// when the plan names that unit, otherwise to the lead unit of the task whose wording is closest to the target's
    /// (most shared two-character terms). Neither needs the seed, so the assignment is the same for every run.
    /// </summary>
    static async Task<Dictionary<int, PlanShape.UnitInfo>> AssignTargetsAsync(JiaowangDb db, PlanShape plan, CancellationToken ct)
    {
        var targetIds = plan.Targets.Select(t => t.Id).ToList();
        var existing = await db.TargetUnits.AsNoTracking().Where(a => targetIds.Contains(a.TargetId)).ToListAsync(ct);
        var units = plan.Units.ToDictionary(u => u.Id);
        var byName = plan.Units.ToDictionary(u => u.Name);
        var readers = new Dictionary<int, PlanShape.UnitInfo>();
        foreach (var target in plan.Targets.Where(t => t.Binding is null))
        {
            var assigned = existing.Where(a => a.TargetId == target.Id && units.ContainsKey(a.UnitId)).Select(a => units[a.UnitId]).OrderBy(u => u.Order).FirstOrDefault();
            if (assigned is null)
            {
                assigned = Responsible.Where(r => r.Terms.Any(target.Metric.Contains) && byName.ContainsKey(r.Unit)).Select(r => byName[r.Unit]).FirstOrDefault();
                if (assigned is null)
                {
                    var terms = Bigrams(target.Metric);
                    var task = plan.Tasks.OrderByDescending(t => Bigrams(t.Title + t.Text).Count(terms.Contains)).ThenBy(t => t.Order).First();
                    assigned = task.Units.First(u => u.Lead).Unit;
                }
                if (!existing.Any(a => a.TargetId == target.Id)) db.TargetUnits.Add(new TargetUnit { TargetId = target.Id, UnitId = assigned.Id });
            }
            readers[target.Id] = assigned;
        }
        return readers;
    }

    /// <summary>Which Wuhan unit keeps which figures, by words of the target's metric; first match wins.</summary>
    static readonly (string[] Terms, string Unit)[] Responsible =
    [
        (["友城", "友好城市"], "市委外办"),
        (["科技"], "市科创局"),
        (["赛事"], "市体育局"),
        (["游客", "入境"], "市文旅局"),
        (["留学生"], "市教育局"),
        (["500强", "500 强", "外资"], "市投资促进局"),
        (["外贸", "进出口", "会展", "展会", "联络处", "商圈", "退税"], "市商务局"),
        (["航线", "机场", "旅客", "班列", "发运", "集装箱", "港"], "市交通运输局"),
    ];

    static HashSet<string> Bigrams(string text)
    {
        var letters = new string(text.Where(c => c >= '\u4e00' && c <= '\u9fff').ToArray());
        var set = new HashSet<string>();
        for (var i = 0; i + 1 < letters.Length; i++) set.Add(letters.Substring(i, 2));
        // Words every target and task shares say nothing about which task a target belongs to.
        foreach (var common in new[] { "国际", "数量", "达到", "武汉", "推动", "建设", "提升" }) set.Remove(common);
        return set;
    }

    /// <summary>
    /// A few units (at least two) are chronically late, about a fifth are sometimes late, the rest punctual: the usual
    /// picture of a supervision year, and what makes a league table worth reading.
    /// </summary>
    static Dictionary<int, Punctuality> Profiles(int seed, IReadOnlyList<PlanShape.UnitInfo> units)
    {
        var d = new DemoDice(seed, "profiles");
        var shuffled = units.OrderBy(u => u.Order).Select(u => (Unit: u, Key: d.Between(0, int.MaxValue - 1))).OrderBy(x => x.Key).ThenBy(x => x.Unit.Order).Select(x => x.Unit).ToList();
        var chronic = Math.Max(2, units.Count / 10);
        var average = Math.Max(1, units.Count / 5);
        return shuffled.Select((u, i) => (u, i)).ToDictionary(x => x.u.Id,
            x => x.i < chronic ? Punctuality.Chronic : x.i < chronic + average ? Punctuality.Average : Punctuality.Punctual);
    }

    static IEnumerable<Obligation> Obligations(PlanShape plan, IEnumerable<ReportingPeriod> periods, Dictionary<int, Punctuality> profiles, DateOnly until)
    {
        foreach (var period in periods.Where(p => p.Start <= until).OrderBy(p => p.Start).ThenBy(p => p.Kind))
        {
            if (period.PerTask)
            {
                foreach (var task in plan.Tasks)
                {
                    foreach (var (unit, _) in task.Units)
                    {
                        yield return new Obligation(period, task.Id, task.Number, unit.Name, unit.Id, unit.Liaison, profiles[unit.Id]);
                    }
                }
            }
            else
            {
                foreach (var unit in plan.Units)
                {
                    yield return new Obligation(period, null, null, unit.Name, unit.Id, unit.Liaison, profiles[unit.Id]);
                }
            }
        }
    }

    static string Compose(DemoDice d, PlanShape plan, Obligation owed)
    {
        if (owed.TaskId is { } taskId)
        {
            var task = plan.Tasks.Single(t => t.Id == taskId);
            var lead = task.Units.Single(u => u.Unit.Id == owed.UnitId).Lead;
            return DemoTexts.Monthly(d, owed.Unit, task.Title, task.Clauses, lead, owed.Period.Start);
        }
        var final = owed.Period.Kind == PeriodKind.FinalSummary;
        var title = final ? "关于3号建议案办理工作情况的总结" : $"关于3号建议案{plan.PhaseName(owed.Period.PhasePosition)}阶段工作情况的报告";
        var tasks = plan.Tasks.Select(t => (t, Part: t.Units.FirstOrDefault(u => u.Unit.Id == owed.UnitId)))
            .Where(x => x.Part.Unit is not null)
            .Select(x => (x.t.Title, x.t.Clauses, x.Part.Lead)).ToList();
        return DemoTexts.Summary(d, owed.Unit, title, tasks, final);
    }

    /// <summary>
    /// Leaders write instructions (批示) on a small share of accepted reports, more often on summaries; most are answered
    /// by the unit within two weeks, some are still open at <c>until</c>.
    /// </summary>
    static List<Instruction> Instructions(int seed, PlanShape plan, IEnumerable<(ReportLife Life, Report? Report)> played, DateOnly until)
    {
        var instructions = new List<Instruction>();
        foreach (var (life, report) in played)
        {
            if (report is null || report.State != ReportState.Accepted) continue;
            var owed = life.Owed;
            var d = new DemoDice(seed, "instruction", owed.Key);
            var lead = owed.TaskId is { } id && plan.Tasks.Single(t => t.Id == id).Units.Single(u => u.Unit.Id == owed.UnitId).Lead;
            var chance = owed.Period.Kind switch
            {
                PeriodKind.Monthly => lead ? 0.08 : 0.02,
                PeriodKind.StageSummary => 0.12,
                _ => 0.25,
            };
            if (!d.Chance(chance)) continue;
            var accepted = DateOnly.FromDateTime(report.UpdatedAt.ToOffset(DemoDice.Beijing).DateTime);
            var on = accepted.AddDays(d.Between(1, 6));
            if (on > until) continue;
            var clauses = owed.TaskId is { } taskId ? plan.Tasks.Single(t => t.Id == taskId).Clauses
                : plan.Tasks.First(t => t.Units.Any(u => u.Unit.Id == owed.UnitId)).Clauses;
            var instruction = new Instruction
            {
                UnitId = owed.UnitId, ReportId = report.Id, TaskId = owed.TaskId, Text = DemoRun.TextMark + DemoTexts.Instruction(d, clauses),
                By = Leader, At = d.OfficeTime(on),
            };
            var answered = on.AddDays(d.Between(3, 14));
            if (d.Chance(0.8) && answered <= until) instruction.Reply(DemoTexts.Answer(d), owed.Liaison, d.OfficeTime(answered));
            instructions.Add(instruction);
        }
        return instructions;
    }

    /// <summary>
    /// The office reminds (催办) a unit the day after a deadline it missed, and again after 15 days (二次催办, the grace
    /// in docs/STATUS-RULES.md) when reports are still missing.
    /// </summary>
    static List<Reminder> Reminders(IEnumerable<ReportLife> lives, IEnumerable<ReportingPeriod> periods, PlanShape plan, DateOnly until)
    {
        var reminders = new List<Reminder>();
        var byId = periods.ToDictionary(p => p.Id);
        foreach (var group in lives.GroupBy(l => (l.Owed.Period.Id, l.Owed.UnitId)).OrderBy(g => byId[g.Key.Item1].Start).ThenBy(g => g.Key.Item1).ThenBy(g => g.Key.UnitId))
        {
            var period = byId[group.Key.Item1];
            var unit = plan.Units.Single(u => u.Id == group.Key.UnitId);
            foreach (var (after, second) in new[] { (1, false), (15, true) })
            {
                var on = period.Deadline.AddDays(after);
                if (on > until) break;
                var missing = group.Count(l => l.FirstSubmitted is null || l.FirstSubmitted >= on);
                if (missing == 0) break;
                reminders.Add(new Reminder
                {
                    UnitId = unit.Id, PeriodId = period.Id, SentBy = ReportLife.Office,
                    Text = DemoTexts.Reminder(unit.Name, PeriodLabel(period, plan), period.Deadline, on, missing, second),
                    // Sent first thing in the morning, as the office does; the .invalid address reaches nobody.
                    SentAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, second ? 30 : 0)), DemoDice.Beijing).ToUniversalTime(),
                    EmailedTo = DemoAccounts.Email(unit.Liaison),
                });
            }
        }
        return reminders;
    }

    static string PeriodLabel(ReportingPeriod period, PlanShape plan) => period.Kind switch
    {
        PeriodKind.Monthly => $"{period.Start.Year}年{period.Start.Month}月月报",
        PeriodKind.StageSummary => $"{plan.PhaseName(period.PhasePosition)}阶段性总结",
        _ => "办理工作情况总结",
    };

    /// <summary>
    /// A reading per manual target for the end of every month, entered a few days later by the liaison of the unit the
    /// target is assigned to, following a trajectory drawn per target: some met early, most on track, a few at risk or
    /// behind. Registry-bound targets are left to the registry.
    /// </summary>
    static List<Reading> Readings(int seed, PlanShape plan, Dictionary<int, PlanShape.UnitInfo> readers, DateOnly until)
    {
        var readings = new List<Reading>();
        if (plan.Span is not { } span) return readings;
        foreach (var target in plan.Targets.Where(t => readers.ContainsKey(t.Id)))
        {
            var d = new DemoDice(seed, "target", target.Group, target.Position, target.Metric);
            var roll = d.Between(1, 100);
            var trajectory = roll <= 20 ? DemoTrajectory.Early : roll <= 70 ? DemoTrajectory.OnTrack : roll <= 87 ? DemoTrajectory.AtRisk : DemoTrajectory.Behind;
            var kind = DemoReadings.KindOf(target.Text, target.Measure);
            var reader = readers[target.Id];
            foreach (var (asOf, value) in DemoReadings.Monthly(d, trajectory, kind, target.Value, target.Measure, span, target.Rule.Baseline,
                target.Rule.WantsDecline))
            {
                var entered = asOf.AddDays(d.Between(1, 6));
                if (entered > until) break;
                readings.Add(new Reading
                {
                    TargetId = target.Id, Value = value, AsOf = asOf, Origin = ReadingOrigin.Manual, RecordedBy = reader.Liaison,
                    RecordedAt = d.OfficeTime(entered),
                    Source = $"{DemoRun.TextMark}{reader.Name}：{d.Pick(DemoTexts.ReadingSources)}，截至{asOf.Year}年{asOf.Month}月{asOf.Day}日",
                });
            }
        }
        return readings;
    }
}
