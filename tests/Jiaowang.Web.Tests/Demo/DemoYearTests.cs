using Jiaowang.Web.Shared.Reporting;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiaowang.Core.Demo;
using Jiaowang.Core.Network;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Demo;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Demo;

/// <summary>The demo year: reproducible by seed, shaped like a real supervision year, marked as demo, never mixed with real data.</summary>
public abstract class DemoYearTests(DatabaseProvider provider)
{
    const string DemoPassword = "Demo-Password-2026";
    static readonly DateOnly YearEnd = new(2026, 12, 31);

    Task<SupervisionApp> StartAsync() =>
        // The automatic reminder job would add its own reminders at start-up; these tests look at the generator's alone.
        SupervisionApp.StartAsync(provider, services => services.Configure<ReminderOptions>(o => o.Automatic = false));

    static async Task<DemoSummary> GenerateAsync(SupervisionApp app, int seed, DateOnly until)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        return await DemoYear.GenerateAsync(db, app.PlanId, seed, until, password: DemoPassword,
            clock: scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }

    /// <summary>Every report, version, reading, reminder and instruction, named by what they are about rather than by ids.</summary>
    static async Task<string> DumpAsync(SupervisionApp app)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var units = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Name);
        var tasks = await db.Tasks.ToDictionaryAsync(t => t.Id, t => t.Number);
        var periods = await db.Periods.ToDictionaryAsync(p => p.Id, p => $"{p.Kind}:{p.Start:yyyy-MM-dd}");
        var targets = await db.Targets.ToDictionaryAsync(t => t.Id, t => t.Metric);
        var text = new StringBuilder();
        var reports = await db.Reports.Include(r => r.Versions).ToListAsync();
        string ReportKey(Report r) => $"{periods[r.PeriodId]}|{(r.TaskId is { } t ? tasks[t] : 0)}|{units[r.UnitId]}";
        foreach (var r in reports.OrderBy(ReportKey))
        {
            text.AppendLine($"R {ReportKey(r)} {r.State} v{r.Version} {r.SubmittedAt:O} {r.UpdatedAt:O} {r.ReviewedBy} {r.ReviewComment} {r.Text}");
            foreach (var v in r.Versions.OrderBy(v => v.Version)) text.AppendLine($"  V {v.Version} {v.Action} {v.State} {v.By} {v.At:O} {v.Comment} {v.Text.Length}");
        }
        foreach (var r in (await db.Readings.Where(r => r.Origin == ReadingOrigin.Manual).ToListAsync()).OrderBy(r => targets[r.TargetId]).ThenBy(r => r.AsOf))
        {
            text.AppendLine($"G {targets[r.TargetId]} {r.Value:0.####} {r.AsOf} {r.RecordedBy} {r.RecordedAt:O} {r.Source}");
        }
        foreach (var r in (await db.Reminders.ToListAsync()).OrderBy(r => r.SentAt).ThenBy(r => units[r.UnitId]))
        {
            text.AppendLine($"M {units[r.UnitId]} {(r.PeriodId is { } p ? periods[p] : "")} {r.SentBy} {r.SentAt:O} {r.EmailedTo} {r.Text}");
        }
        var reportKeys = reports.ToDictionary(r => r.Id, ReportKey);
        foreach (var i in (await db.Instructions.ToListAsync()).OrderBy(i => i.At).ThenBy(i => units[i.UnitId]))
        {
            text.AppendLine($"I {units[i.UnitId]} {(i.ReportId is { } id ? reportKeys[id] : "")} {i.By} {i.At:O} {i.Text} | {i.AnsweredBy} {i.AnsweredAt:O} {i.Answer}");
        }
        return text.ToString();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_year_and_another_seed_a_different_one()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();

        var one = await GenerateAsync(first, 7, YearEnd);
        var two = await GenerateAsync(second, 7, YearEnd);
        var dump = await DumpAsync(first);
        Assert.Equal(one, two with { });
        Assert.Equal(dump, await DumpAsync(second));
        Assert.True(dump.Length > 100_000, "a year of reports is more than a page of text");

        // Another seed replaces the demo data with a different year; going back to seed 7 gives the first year again.
        var other = await GenerateAsync(second, 8, YearEnd);
        Assert.True(other.Replaced);
        Assert.NotEqual(dump, await DumpAsync(second));
        await GenerateAsync(second, 7, YearEnd);
        Assert.Equal(dump, await DumpAsync(second));
    }

    [Fact]
    public async Task A_generated_year_looks_like_a_supervision_year_and_nothing_happens_after_until()
    {
        await using var app = await StartAsync();
        // The partner count is counted from the registry: the generator leaves it to the registry.
        var bound = app.TargetId("国际友城和友好交流城市数量");
        using (var office = await app.OfficeAsync())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/targets/{bound}/binding", new { binding = "ActivePartners" })).StatusCode);
        }
        var until = new DateOnly(2026, 10, 20);
        var summary = await GenerateAsync(app, 11, until);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var reports = await db.Reports.Include(r => r.Period).Include(r => r.Versions).ToListAsync();
        Assert.Equal(summary.Reports, reports.Count);
        var submitted = reports.Where(r => r.SubmittedAt is not null).ToList();
        var firstSubmit = submitted.ToDictionary(r => r.Id, r => DateOnly.FromDateTime(r.Versions.Where(v => v.Action == "submit").Min(v => v.At).ToOffset(TimeSpan.FromHours(8)).DateTime));
        var onTime = submitted.Count(r => firstSubmit[r.Id] <= r.Period!.Deadline) / (double)submitted.Count;
        var returned = submitted.Count(r => r.Versions.Any(v => v.Action == "return")) / (double)submitted.Count;
        Assert.InRange(onTime, 0.70, 0.95);
        Assert.InRange(returned, 0.04, 0.30);
        Assert.Contains(reports, r => r.State == ReportState.Accepted);
        Assert.Contains(reports, r => r.Versions.Count(v => v.Action == "submit") > 1 && r.State == ReportState.Accepted);

        // A few units are still overdue on the day: at least two, and not most of them.
        var overdueUnits = await OverdueUnitsAsync(db, app.PlanId, until);
        var unitCount = (await Owing.ForPlanAsync(db, app.PlanId)).Select(a => a.UnitId).Distinct().Count();
        Assert.InRange(overdueUnits.Count, 2, unitCount / 2);
        Assert.True(summary.Overdue > 0);

        // The stage summaries of both phases are in; the final summary's period has begun, its deadline not yet come.
        Assert.Equal(2, reports.Where(r => r.Period!.Kind == PeriodKind.StageSummary).Select(r => r.PeriodId).Distinct().Count());
        Assert.DoesNotContain(reports, r => r.Period!.Kind == PeriodKind.FinalSummary && r.State == ReportState.Accepted && r.Period.Deadline < until);

        // Marked as demo, done by demo accounts, and nothing later than the chosen day.
        var lastMoment = new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        Assert.All(reports, r => Assert.StartsWith("<p>" + DemoRun.TextMark, r.Text));
        Assert.All(reports.SelectMany(r => r.Versions), v => Assert.True(DemoRun.IsDemoUser(v.By) && v.At < lastMoment, $"{v.By} {v.At}"));
        var readings = await db.Readings.Where(r => r.Origin == ReadingOrigin.Manual).ToListAsync();
        Assert.All(readings, r => Assert.True(r.AsOf < until && r.RecordedAt < lastMoment && DemoRun.IsDemoUser(r.RecordedBy) && r.Source.StartsWith(DemoRun.TextMark)));

        // Every manual target has readings, entered by the liaison of a unit it is assigned to; the bound one has none.
        var targets = await db.Targets.Where(t => t.Group!.PlanId == app.PlanId).ToListAsync();
        var assigned = await db.TargetUnits.ToListAsync();
        var liaisons = await db.Users.Where(u => u.UnitId != null).ToDictionaryAsync(u => u.UserName!, u => u.UnitId!.Value);
        foreach (var target in targets.Where(t => t.Id != bound))
        {
            var mine = readings.Where(r => r.TargetId == target.Id).ToList();
            Assert.True(mine.Count >= 7, $"{target.Metric}: {mine.Count} readings");
            Assert.All(mine, r => Assert.Contains(assigned, a => a.TargetId == target.Id && a.UnitId == liaisons[r.RecordedBy!]));
            Assert.InRange(mine.Max(r => r.Value), 0m, target.Value * 1.5m);
        }
        Assert.DoesNotContain(readings, r => r.TargetId == bound);
        Assert.Contains(await db.Readings.Where(r => r.TargetId == bound).ToListAsync(), r => r.Origin == ReadingOrigin.Registry);

        // The statuses the platform computes are varied, not all the same colour.
        var states = await TargetStates.ForPlanAsync(db, app.PlanId, until);
        var statuses = states.Values.Select(s => s.Assessment.Status).ToList();
        Assert.True(statuses.Distinct().Count() >= 3, string.Join(",", statuses));
        Assert.True(statuses.Count(s => s == Status.Behind) < statuses.Count / 2, string.Join(",", statuses));

        // Overdue units were reminded; leaders' instructions are mostly, not all, answered.
        var reminders = await db.Reminders.ToListAsync();
        Assert.Equal(summary.Reminders, reminders.Count);
        Assert.All(overdueUnits, u => Assert.Contains(reminders, r => r.UnitId == u));
        Assert.All(reminders, r => Assert.EndsWith("@" + DemoRun.EmailDomain, r.EmailedTo));
        var instructions = await db.Instructions.ToListAsync();
        Assert.Contains(instructions, i => i.IsAnswered);
        Assert.Contains(instructions, i => !i.IsAnswered);
        Assert.True(instructions.Count(i => i.IsAnswered) > instructions.Count / 2);

        // One record naming the whole run (beside the row changes every save leaves).
        var audit = await db.AuditEntries.Where(e => e.Entity == "DemoRun" && e.Action == "generate").ToListAsync();
        Assert.Single(audit);
    }

    static async Task<List<int>> OverdueUnitsAsync(JiaowangDb db, int planId, DateOnly until)
    {
        var periods = await db.Periods.Where(p => p.PlanId == planId && p.Deadline < until).ToListAsync();
        // Who owes is the platform's one rule (a group's districts owe in its place), not the raw assignments.
        var assignments = (await Owing.ForPlanAsync(db, planId)).Select(a => new { a.PlanTaskId, a.UnitId }).ToList();
        var inReports = await db.Reports.Where(r => r.State == ReportState.Submitted || r.State == ReportState.Accepted)
            .Select(r => new { r.PeriodId, r.TaskId, r.UnitId }).ToListAsync();
        var overdue = new HashSet<int>();
        foreach (var period in periods)
        {
            var owed = period.PerTask
                ? assignments.Select(a => ((int?)a.PlanTaskId, a.UnitId))
                : assignments.Select(a => a.UnitId).Distinct().Select(u => ((int?)null, u));
            foreach (var (task, unit) in owed)
            {
                if (!inReports.Any(r => r.PeriodId == period.Id && r.TaskId == task && r.UnitId == unit)) overdue.Add(unit);
            }
        }
        return overdue.Order().ToList();
    }

    [Fact]
    public async Task Signed_in_readers_see_the_demo_banner_and_the_demo_leader_reads_the_reports()
    {
        await using var app = await StartAsync();
        using var anonymous = app.Factory.CreateClient();
        using var before = await Accounts.CookieClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "office")).UserName!);
        Assert.DoesNotContain("演示数据 · 种子", await before.GetStringAsync("/"));

        await GenerateAsync(app, 5, new DateOnly(2026, 7, 10));

        using var leader = await Accounts.CookieClientAsync(app.Factory, DemoYear.Leader, DemoPassword);
        Assert.Contains("演示数据 · 种子 5", await leader.GetStringAsync("/"));
        Assert.Contains("Demo data · seed 5", await leader.GetStringAsync("/?culture=en"));
        Assert.Contains("演示数据 · 种子 5", await before.GetStringAsync("/office/review"));
        Assert.DoesNotContain("演示数据 · 种子", await anonymous.GetStringAsync("/"));

        using var api = await Accounts.BearerClientAsync(app.Factory, DemoYear.Leader, DemoPassword);
        var reports = await api.GetFromJsonAsync<List<JsonElement>>("/api/reports");
        Assert.NotEmpty(reports!);
    }

    [Fact]
    public async Task A_plan_with_real_reports_is_refused_and_nothing_is_written()
    {
        await using var app = await StartAsync();
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "新开国际航线 2 条" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var refused = await Assert.ThrowsAsync<DemoRefusedException>(() => GenerateAsync(app, 7, YearEnd));

        Assert.Equal(DemoRefusal.RealReports, refused.Reason);
        Assert.Equal(1, refused.Count);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        Assert.Equal(1, await db.Reports.CountAsync());
        Assert.False(await db.DemoRuns.AnyAsync());
        Assert.False(await db.Users.AnyAsync(u => u.UserName!.StartsWith(DemoRun.UserPrefix)));
        Assert.False(await db.Readings.AnyAsync(r => r.Origin == ReadingOrigin.Manual));
    }

    [Fact]
    public async Task A_run_that_fails_half_way_leaves_nothing_behind()
    {
        var failure = new FailOnInsert("Readings");
        await using var app = await SupervisionApp.StartAsync(provider, services =>
        {
            services.Configure<ReminderOptions>(o => o.Automatic = false);
            services.AddSingleton<IInterceptor>(failure);
        });
        // The reports are saved before the readings: a failure there must take the reports and accounts back out.
        failure.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => GenerateAsync(app, 7, YearEnd));
        failure.Armed = false;

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        Assert.False(await db.Reports.AnyAsync());
        Assert.False(await db.Instructions.AnyAsync());
        Assert.False(await db.DemoRuns.AnyAsync());
        Assert.False(await db.Users.AnyAsync(u => u.UserName!.StartsWith(DemoRun.UserPrefix)));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Entity == "DemoRun"));

        // And the database is fine for a run that succeeds.
        Assert.True((await GenerateAsync(app, 7, YearEnd)).Reports > 300);
    }

    /// <summary>Makes the database refuse inserts into one table while armed, as a full disk or a lost connection would.</summary>
    sealed class FailOnInsert(string table) : DbCommandInterceptor
    {
        public volatile bool Armed;

        void Check(DbCommand command)
        {
            if (Armed && command.CommandText.Contains($"INSERT INTO \"{table}\"")) throw new InvalidOperationException($"refused insert into {table}");
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task A_demo_year_stopped_earlier_is_the_beginning_of_the_same_year()
    {
        await using var early = await StartAsync();
        await using var late = await StartAsync();
        await GenerateAsync(early, 3, new DateOnly(2026, 5, 20));
        await GenerateAsync(late, 3, YearEnd);

        await using var earlyScope = early.Factory.Services.CreateAsyncScope();
        await using var lateScope = late.Factory.Services.CreateAsyncScope();
        var earlyDb = earlyScope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var lateDb = lateScope.ServiceProvider.GetRequiredService<JiaowangDb>();
        // The March stage summary is settled by May 20; each earlier report's history is the start of the later one's.
        // SQLite cannot compare DateTimeOffset in SQL: the versions are compared in memory.
        var end = new DateTimeOffset(2026, 5, 20, 16, 0, 0, TimeSpan.Zero);
        var earlyVersions = (await earlyDb.ReportVersions.Select(v => new { v.By, v.Action, v.At }).ToListAsync())
            .OrderBy(v => v.At).ThenBy(v => v.By).ThenBy(v => v.Action).ToList();
        var lateVersions = (await lateDb.ReportVersions.Select(v => new { v.By, v.Action, v.At }).ToListAsync())
            .Where(v => v.At < end).OrderBy(v => v.At).ThenBy(v => v.By).ThenBy(v => v.Action).ToList();
        Assert.NotEmpty(earlyVersions);
        Assert.Equal(earlyVersions, lateVersions);
    }
}

public sealed class SqliteDemoYearTests() : DemoYearTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoYearTests() : DemoYearTests(DatabaseProvider.Postgres);
