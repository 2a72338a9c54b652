using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reports;
using Jiaowang.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// The app on loopback with the Wuhan plan and most of a year of supervision behind it, seen on 1 December 2026,
/// and Chromium to look at the dashboard.
/// </summary>
public sealed class DashboardBrowserApp : IAsyncLifetime
{
    /// <summary>The day the app believes it is: late in the plan, so every panel has something to show.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    IPlaywright playwright = null!;
    public JiaowangFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public int PlanId { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new JiaowangFactory(TestDatabase.Sqlite(), configureServices: s => s.AddSingleton<TimeProvider>(new FixedClock(Today)));
        BaseUrl = LoopbackBrowser.Serve(Factory);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            PlanId = await db.Plans.Select(p => p.Id).SingleAsync();
            await FillAsync(db, PlanId);
        }
        playwright = await Playwright.CreateAsync();
        Browser = await LoopbackBrowser.LaunchAsync(playwright);
    }

    // ───────────────────────────────────────────────────────────────────────────────────────────────────────────
    // DATA FILLING. At merge, replace the body of this method with
    //     await Jiaowang.Web.Features.Demo.DemoYear.GenerateAsync(db, planId, seed: 2026, until: new DateOnly(2026, 12, 1));
    // Until then: a modest, reproducible year made through the domain's own methods.
    // ───────────────────────────────────────────────────────────────────────────────────────────────────────────
    static async Task FillAsync(JiaowangDb db, int planId)
    {
        var random = new Random(2026);
        var today = DateOnly.FromDateTime(Today.DateTime);
        var tz = TimeSpan.FromHours(8);
        DateTimeOffset At(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), tz);

        // Readings: each target moves toward its value at its own pace; two are never reported (an empty trend).
        var targets = await db.Targets.Where(t => t.Group!.PlanId == planId).OrderBy(t => t.Id).ToListAsync();
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            if (i % 9 == 4) continue;
            var pace = 0.8 + random.NextDouble() * 0.45;
            for (var month = 3; month <= 11; month++)
            {
                if (random.NextDouble() < 0.15) continue;
                var share = Math.Min(1.1, pace * (month - 2) / 10.0 + (random.NextDouble() - 0.5) * 0.04);
                db.Readings.Add(new Reading
                {
                    TargetId = target.Id, Value = Math.Round(target.Value * (decimal)Math.Max(0.02, share), target.Value >= 10 && target.Value == Math.Floor(target.Value) ? 0 : 1),
                    AsOf = new DateOnly(2026, month, 1).AddMonths(1).AddDays(-1), Source = "月度统计", Origin = ReadingOrigin.Manual,
                    RecordedBy = "office", RecordedAt = At(new DateOnly(2026, month, 1).AddMonths(1).AddDays(2)),
                });
            }
        }

        // Monthly reports: most on time and accepted, some late, some returned once, a few never written.
        var periods = await Periods.ForPlanAsync(db, planId, new ReportingOptions());
        var assignments = await db.Assignments.Where(a => a.Task!.Group!.PlanId == planId).OrderBy(a => a.PlanTaskId).ThenBy(a => a.UnitId).ToListAsync();
        var reluctance = assignments.Select(a => a.UnitId).Distinct().ToDictionary(u => u, _ => random.NextDouble() * 0.35);
        var reports = new List<Report>();
        foreach (var period in periods.Where(p => p.PerTask && p.Start <= today))
        {
            foreach (var a in assignments)
            {
                var late = reluctance[a.UnitId];
                var roll = random.NextDouble();
                if (roll < late * 0.3 && period.Deadline < today) continue; // never written
                var report = Report.Start(period.Id, a.PlanTaskId, a.UnitId, $"<p>{period.Start:yyyy年M月}工作进展：按计划推进。</p>", "liaison", At(period.End.AddDays(-3)));
                if (period.Deadline >= today && roll < 0.5) { reports.Add(report); continue; } // a draft for the current month
                var submitted = roll < late ? period.Deadline.AddDays(1 + random.Next(12)) : period.Deadline.AddDays(-random.Next(5));
                if (submitted > today) submitted = today;
                report.Submit("liaison", At(submitted));
                var review = random.NextDouble();
                if (submitted.AddDays(3) <= today)
                {
                    if (review < 0.12)
                    {
                        report.Return("office", "请补充具体数据", At(submitted.AddDays(2)));
                        if (submitted.AddDays(6) <= today && random.NextDouble() < 0.8)
                        {
                            report.Edit(report.Text + "<p>补充：完成率见附表。</p>", "liaison", At(submitted.AddDays(4)));
                            report.Submit("liaison", At(submitted.AddDays(4)));
                            report.Accept("office", At(submitted.AddDays(5)));
                        }
                    }
                    else if (review < 0.95) report.Accept("office", At(submitted.AddDays(2)));
                }
                reports.Add(report);
            }
        }
        // Stage summaries: one per unit, nearly all in on time and accepted.
        foreach (var period in periods.Where(p => !p.PerTask && p.Deadline < today))
        {
            foreach (var unitId in reluctance.Keys.Order())
            {
                if (random.NextDouble() < reluctance[unitId] * 0.25) continue;
                var summary = Report.Start(period.Id, null, unitId, "<p>阶段性工作总结。</p>", "liaison", At(period.Deadline.AddDays(-6)));
                summary.Submit("liaison", At(period.Deadline.AddDays(-random.Next(4))));
                summary.Accept("office", At(period.Deadline.AddDays(2)));
                reports.Add(summary);
            }
        }
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();

        // Leaders' instructions on a few reports; most answered.
        foreach (var report in reports.Where(r => r.State == ReportState.Accepted).Where((_, i) => i % 37 == 0))
        {
            var instruction = new Instruction { UnitId = report.UnitId, ReportId = report.Id, TaskId = report.TaskId, Text = "请加快推进，按月报送进展。", By = "leader", At = report.UpdatedAt.AddDays(1) };
            if (random.NextDouble() < 0.6) instruction.Reply("已部署落实。", "liaison", report.UpdatedAt.AddDays(3));
            db.Instructions.Add(instruction);
        }
        await db.SaveChangesAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}
