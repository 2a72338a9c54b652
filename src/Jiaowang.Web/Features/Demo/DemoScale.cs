using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Jiaowang.Core.Demo;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jiaowang.Web.Features.Demo;

/// <summary>What <c>jiaowang demo generate --scale</c> made.</summary>
public sealed record ScaleSummary(int Seed, int Plans, int Targets, int Readings, int Reports);

/// <summary>
/// A database at the scale issue 16 asks the dashboard and the portfolio to stand (演示数据, for benches): by default
/// 300 plans × 20 targets, 1,000,000 readings and 10,000 reports, all invented and marked as demo (a
/// <see cref="DemoRun"/> per plan, <see cref="DemoRun.TextMark"/> in titles and texts, <c>demo-scale</c> as the
/// recorder). The plans, periods and reports go through EF (a few ten thousand rows, audited); the readings are
/// bulk-inserted in the same transaction — PostgreSQL's binary COPY, or one prepared SQLite command — so that a million
/// rows take a minute, not an hour. The same seed gives the same plans, values and dates.
/// </summary>
public static class DemoScale
{
    public const string SourceName = "jiaowang-demo-scale";
    public const string Recorder = DemoRun.UserPrefix + "scale";
    static readonly DateOnly First = new(2025, 1, 1);

    public static async Task<ScaleSummary> GenerateAsync(JiaowangDb db, int seed, DateOnly until, string generatedBy, TimeProvider clock,
        int plans = 300, int targetsPerPlan = 20, int readings = 1_000_000, int reports = 10_000, CancellationToken ct = default)
    {
        if (await db.Plans.AnyAsync(p => p.SourceName == SourceName, ct))
            throw new InvalidOperationException("The database already holds scale demo plans.");
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var units = await UnitsAsync(db, ct);
        var planIds = new List<int>();
        for (var start = 0; start < plans; start += 25)
        {
            var batch = Enumerable.Range(start, Math.Min(25, plans - start)).Select(i => Plan(seed, i, targetsPerPlan, units, now)).ToList();
            db.Plans.AddRange(batch);
            await db.SaveChangesAsync(ct);
            planIds.AddRange(batch.Select(p => p.Id));
            db.ChangeTracker.Clear();
        }

        // Reports: the monthly periods begun by `until`, plan after plan, a lead unit's report on each task.
        var made = 0;
        var perPlan = (reports + plans - 1) / Math.Max(plans, 1);
        foreach (var planId in planIds)
        {
            var periods = await Periods.ForPlanAsync(db, planId, new ReportingOptions(), ct);
            var owed = await db.Assignments.AsNoTracking().Where(a => a.Task!.Group!.PlanId == planId && a.Role == AssignmentRole.Lead)
                .OrderBy(a => a.PlanTaskId).Select(a => new { a.PlanTaskId, a.UnitId }).ToListAsync(ct);
            var slots = periods.Where(p => p.PerTask && p.Start <= until).OrderBy(p => p.Start)
                .SelectMany(p => owed.Select(o => (Period: p, o.PlanTaskId, o.UnitId))).Take(Math.Min(perPlan, reports - made)).ToList();
            foreach (var (period, taskId, unitId) in slots)
            {
                var at = new DateTimeOffset(period.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                var report = Report.Start(period.Id, taskId, unitId, $"<p>{DemoRun.TextMark}{period.Start:yyyy年M月}工作进展。</p>", Recorder, at);
                var dice = random.Next(10);
                if (dice > 0) report.Submit(Recorder, at.AddDays(random.Next(-3, 6)));
                if (dice > 3) report.Accept(DemoRun.UserPrefix + "office", at.AddDays(7));
                db.Reports.Add(report);
            }
            made += slots.Count;
            db.DemoRuns.Add(new DemoRun { PlanId = planId, Seed = seed, Until = until, GeneratedAt = now, GeneratedBy = generatedBy });
            if (planId == planIds[^1] || planIds.IndexOf(planId) % 20 == 19)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        var targets = await db.Targets.AsNoTracking().Where(t => planIds.Contains(t.Group!.PlanId)).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Value }).ToListAsync(ct);
        var rows = ReadingRows(random, targets.Select(t => (t.Id, t.Value)).ToList(), readings, until, now);
        var inserted = db is PostgresJiaowangDb ? await CopyAsync(db, rows, ct) : await InsertAsync(db, rows, ct);

        await new AuditLog(clock).SaveAsync(db, generatedBy,
            () => [new AuditRecord("DemoRun", "scale", "generate", null, new { seed, plans = planIds.Count, targets = targets.Count, readings = inserted, reports = made })], ct);
        await transaction.CommitAsync(ct);
        return new ScaleSummary(seed, planIds.Count, targets.Count, inserted, made);
    }

    static async Task<List<Unit>> UnitsAsync(JiaowangDb db, CancellationToken ct)
    {
        var names = Enumerable.Range(1, 12).Select(i => $"演示规模单位{i:00}").ToList();
        var units = await db.Units.Where(u => names.Contains(u.Name)).ToListAsync(ct);
        foreach (var name in names.Except(units.Select(u => u.Name)))
        {
            var unit = new Unit { Name = name, Kind = UnitKind.Body };
            db.Units.Add(unit);
            units.Add(unit);
        }
        await db.SaveChangesAsync(ct);
        return [.. units.OrderBy(u => u.Name)];
    }

    // Units by id, not by navigation: after ChangeTracker.Clear() a unit still lists the earlier batches' assignments.
    static Plan Plan(int seed, int index, int targetsPerPlan, List<Unit> units, DateTimeOffset now)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{SourceName}:{seed}:{index}")));
        var plan = new Plan
        {
            Title = $"{DemoRun.TextMark}规模测试方案{index + 1:000}", DocumentNumber = $"演示〔2025〕{index + 1}号", SourceName = SourceName,
            SourceHash = hash, ImportedAt = now,
        };
        plan.Phases.Add(new Phase { Position = 0, Name = "动员部署", StartMonth = new(2025, 1, 1), EndMonth = new(2025, 2, 1) });
        plan.Phases.Add(new Phase { Position = 1, Name = "组织实施", StartMonth = new(2025, 3, 1), EndMonth = new(2027, 9, 1) });
        plan.Phases.Add(new Phase { Position = 2, Name = "总结评估", StartMonth = new(2027, 10, 1), EndMonth = new(2027, 12, 1) });
        for (var g = 0; g < 2; g++)
        {
            var group = new TargetGroup { Position = g, Name = g == 0 ? "总体目标" : "具体指标" };
            for (var t = 0; t < targetsPerPlan / 2 + (g == 0 ? targetsPerPlan % 2 : 0); t++)
            {
                var value = 10 * (1 + (index * 7 + t * 13) % 50);
                group.Targets.Add(new Target
                {
                    Position = t, Text = $"到2027年，演示指标{g + 1}-{t + 1}达到{value}个", Metric = $"演示指标{g + 1}-{t + 1}", Value = value,
                    Measure = "个", NormalizedValue = value,
                });
            }
            plan.TargetGroups.Add(group);
        }
        var tasks = new TaskGroup { Position = 0, Number = "一", Title = "重点任务" };
        for (var k = 0; k < 5; k++)
        {
            var task = new PlanTask { Number = k + 1, Title = $"演示任务{k + 1}", Text = $"{DemoRun.TextMark}演示任务{k + 1}。" };
            task.Assignments.Add(new Assignment { UnitId = units[(index + k) % units.Count].Id, Role = AssignmentRole.Lead, Position = 0 });
            task.Assignments.Add(new Assignment { UnitId = units[(index + k + 1) % units.Count].Id, Role = AssignmentRole.Co, Position = 1 });
            tasks.Tasks.Add(task);
        }
        plan.TaskGroups.Add(tasks);
        return plan;
    }

    sealed record Row(int TargetId, decimal Value, DateOnly AsOf);

    /// <summary>Readings spread evenly over the targets, every few days from 2025-01-01 to <paramref name="until"/>, rising towards the target.</summary>
    static IEnumerable<Row> ReadingRows(Random random, List<(int Id, decimal Value)> targets, int total, DateOnly until, DateTimeOffset now)
    {
        var days = Math.Max(until.DayNumber - First.DayNumber, 1);
        for (var i = 0; i < targets.Count; i++)
        {
            var count = total / targets.Count + (i < total % targets.Count ? 1 : 0);
            var (id, target) = targets[i];
            for (var k = 0; k < count; k++)
            {
                var asOf = First.AddDays((int)((long)days * k / Math.Max(count, 1)));
                var value = Math.Round(target * (k + 1) / count * (decimal)(0.7 + 0.5 * random.NextDouble()), 2);
                yield return new Row(id, value, asOf);
            }
        }
    }

    static readonly string[] Columns = ["TargetId", "Value", "AsOf", "Source", "Origin", "RecordedBy", "RecordedAt"];
    const string Source = DemoRun.TextMark + "规模测试";

    static async Task<int> CopyAsync(JiaowangDb db, IEnumerable<Row> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var at = DateTimeOffset.UtcNow;
        var count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"Readings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            // A million rows, each through the roll-up trigger (TargetRollup), take longer than a command's default 30 s
            // to complete: the COPY failed at its end on a quiet machine.
            writer.Timeout = TimeSpan.FromMinutes(30);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(row.TargetId, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(row.Value, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(row.AsOf, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(Source, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync((int)ReadingOrigin.Manual, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(Recorder, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                count++;
            }
            await writer.CompleteAsync(ct);
        }
        return count;
    }

    static async Task<int> InsertAsync(JiaowangDb db, IEnumerable<Row> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"Readings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ($t, $v, $d, $s, $o, $r, $a)";
        DbParameter Add(string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
            return parameter;
        }
        // As EF's SQLite provider stores them: decimals and dates as invariant text, offsets as ISO 8601.
        var target = Add("$t", 0);
        var value = Add("$v", "");
        var asOf = Add("$d", "");
        Add("$s", Source);
        Add("$o", (int)ReadingOrigin.Manual);
        Add("$r", Recorder);
        Add("$a", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture));
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var row in rows)
        {
            target.Value = row.TargetId;
            value.Value = row.Value.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture);
            asOf.Value = row.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            count += await command.ExecuteNonQueryAsync(ct);
        }
        return count;
    }
}
