using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Tests.Documents;
using Jiaowang.Web.Tests;
using Jiaowang.Web.Tests.Escalation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>The app in Chromium with a clock the test moves, the ladder run by hand.</summary>
public abstract class LadderBrowserApp(DatabaseProvider provider) : LoopbackApp
{
    public DayClock Clock { get; } = new(DateOnly.FromDateTime(JiaowangFactory.Today.Date));

    protected override async Task<JiaowangFactory> CreateFactoryAsync() => new(await TestDatabase.CreateAsync(provider), configureServices: services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.Configure<ReminderOptions>(o => o.Automatic = false);
        services.Configure<LadderOptions>(o => o.Automatic = false);
    });
}

public sealed class SqliteLadderBrowserApp() : LadderBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresLadderBrowserApp() : LadderBrowserApp(DatabaseProvider.Postgres);

/// <summary>A late unit climbs the ladder to a red notice; the liaison acknowledges and answers it, the office closes it, in Chromium.</summary>
public abstract class NoticeLadderBrowserTests(LadderBrowserApp app)
{
    [Fact]
    public async Task A_late_unit_gets_a_red_notice_acknowledges_and_answers_it_and_the_office_closes_it()
    {
        var jobs = app.Factory.Services.GetRequiredService<LadderJob>();
        await jobs.RunOnceAsync();
        int deadlineDays;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var june = db.Periods.Single(p => p.Kind == Core.Reporting.PeriodKind.Monthly && p.Start.Month == 6);
            deadlineDays = june.Deadline.DayNumber - app.Clock.Day.DayNumber;
        }
        // The deadline day (its reminder), then a week after it: each round takes every step reached and not yet taken,
        // so the second reminder and the red notice follow at once. The day-by-day climb itself is asserted in the web
        // suite (Escalation.*LadderTests); a round per day here cost minutes of browser-suite time for the same page.
        foreach (var d in new[] { deadlineDays, deadlineDays + 7 })
        {
            app.Clock.Day = DateOnly.FromDayNumber(DateOnly.FromDateTime(JiaowangFactory.Today.Date).DayNumber + d);
            await jobs.RunOnceAsync();
        }

        var liaisonAccount = await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局");
        var liaison = await app.NewPersonAsync();
        await SignIn.AsAsync(liaison, liaisonAccount.UserName!);
        await liaison.GotoAsync("/work");
        await Assertions.Expect(liaison.Locator("section.receipts")).ToContainTextAsync("督办单");
        await liaison.GetByRole(AriaRole.Link, new() { Name = "督办单", Exact = true }).First.ClickAsync();
        var row = liaison.Locator("table.notices tbody tr").Filter(new() { HasText = "5. 建设国际性综合交通枢纽城市" }).First;
        await Assertions.Expect(row).ToContainTextAsync("红色");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(liaison.Locator("ol.notice-history")).ToContainTextAsync("到期催办");
        await Assertions.Expect(liaison.Locator("ol.notice-history")).ToContainTextAsync("二次催办");
        var noticeUrl = new Uri(liaison.Url).AbsolutePath;

        // The unit downloads the notice as Word, as it would to print it; LibreOffice opens it and finds the number.
        var heading = await liaison.Locator("h1").InnerTextAsync();
        var number = Regex.Match(heading, @"〔\d{4}〕第\s*\d+\s*号").Value.Replace(" ", "");
        Assert.True(number.Length > 0, $"no notice number in the heading \"{heading}\"");
        var download = await liaison.RunAndWaitForDownloadAsync(() => liaison.Locator("a[href$='notice.docx']").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var saved = Path.Combine(OfficeTools.OutputFolder, $"browser-notice-{Guid.NewGuid():N}.docx");
        Directory.CreateDirectory(OfficeTools.OutputFolder);
        await download.SaveAsAsync(saved);
        var docx = await File.ReadAllBytesAsync(saved);
        Assert.Empty(OfficeTools.Validate(docx));
        var text = await OfficeTools.SqueezedTextAsync(await OfficeTools.ToPdfAsync(docx, "browser-notice"));
        Assert.Contains("督办通知单", text);
        Assert.Contains("市交通运输局", text);
        Assert.Contains(number, text);
        await liaison.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("ol.notice-history")).ToContainTextAsync("已签收");
        await liaison.GetByLabel("办理情况答复").FillAsync("六月月报已补报。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "答复并申请办结" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("dl.notice-facts")).ToContainTextAsync("待复核");

        var officeAccount = await Accounts.CreateAsync(app.Factory, "office");
        var office = await app.NewPersonAsync();
        await SignIn.AsAsync(office, officeAccount.UserName!);
        await office.GotoAsync("/dashboard");
        await Assertions.Expect(office.Locator("section.open-notices")).ToContainTextAsync("红色");
        await office.GotoAsync("/notices?status=answered");
        await Assertions.Expect(office.Locator("table.notices tbody tr")).ToHaveCountAsync(1);
        await office.GotoAsync(noticeUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "复核通过，办结销号" }).ClickAsync();
        await Assertions.Expect(office.Locator("dl.notice-facts")).ToContainTextAsync("已办结");
        await Assertions.Expect(office.Locator("ol.notice-history")).ToContainTextAsync("办结销号");
    }
}

public sealed class SqliteNoticeLadderBrowserTests(SqliteLadderBrowserApp app)
    : NoticeLadderBrowserTests(app), IClassFixture<SqliteLadderBrowserApp>;

public sealed class PostgresNoticeLadderBrowserTests(PostgresLadderBrowserApp app)
    : NoticeLadderBrowserTests(app), IClassFixture<PostgresLadderBrowserApp>;
