using System.Text;
using System.Text.RegularExpressions;
using Jiaowang.Web.Tests;
using Microsoft.Playwright;
using MimeKit;

namespace Jiaowang.Browser.Tests;

/// <summary>The whole supervision loop in Chromium, as the office and a liaison would go through it.</summary>
public abstract class SupervisionLoopBrowserTests(SupervisionBrowserApp app)
{
    ILocator TargetRow(IPage page, string metric) => page.Locator("table.targets tbody tr").Filter(new() { HasText = metric });

    [Fact]
    public async Task Admin_opens_a_liaison_who_reports_the_office_returns_then_accepts_and_a_late_unit_is_reminded_by_mail()
    {
        var admin = await Accounts.CreateAsync(app.Factory, "admin", name: "admin-loop");
        var office = await app.NewPersonAsync();
        await SignIn.AsAsync(office, admin.UserName!, Accounts.Password);

        // The admin opens the liaison's account and reads the one-time password off the page.
        await office.GotoAsync("/office/accounts/new");
        await office.GetByLabel("用户名").FillAsync("jtj-liaison");
        await office.GetByLabel("角色").SelectOptionAsync("liaison");
        await office.GetByLabel("单位（联络员必填）").SelectOptionAsync("市交通运输局");
        await office.GetByLabel("电子邮箱").FillAsync("jtj@wuhan.test");
        await office.GetByRole(AriaRole.Button, new() { Name = "开设" }).ClickAsync();
        await Assertions.Expect(office.GetByText("账号 jtj-liaison 已开设。")).ToBeVisibleAsync();
        var oneTime = await office.Locator("code.one-time-password").InnerTextAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "指标分解" }).ClickAsync();
        var routes = office.Locator("form.target-units").Filter(new() { HasText = "国际地区航线" });
        await routes.GetByLabel("负责填报的单位").SelectOptionAsync(new SelectOptionValue { Label = "市交通运输局" });
        await routes.GetByRole(AriaRole.Button, new() { Name = "保存分配" }).ClickAsync();
        await Assertions.Expect(office.GetByText("已保存。")).ToBeVisibleAsync();
        await office.GotoAsync("/");
        await Assertions.Expect(TargetRow(office, "国际地区航线").Locator(".status")).ToHaveTextAsync("存在风险");

        // The liaison signs in, must choose a password, and sees only the unit's task.
        var liaison = await app.NewPersonAsync();
        await SignIn.AsAsync(liaison, "jtj-liaison", oneTime);
        await liaison.GetByLabel("当前密码").FillAsync(oneTime);
        await liaison.GetByLabel("新密码", new() { Exact = true }).FillAsync("Jtj-Liaison-2026");
        await liaison.GetByLabel("再次输入新密码").FillAsync("Jtj-Liaison-2026");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { Name = "我的工作" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("ul.my-tasks li")).ToHaveCountAsync(1);
        await Assertions.Expect(liaison.Locator("ul.my-tasks li")).ToContainTextAsync("5. 建设国际性综合交通枢纽城市");

        // The May report, submitted, and a reading for the assigned target.
        await liaison.GetByRole(AriaRole.Row).Filter(new() { HasText = "月报 2026年5月" }).GetByRole(AriaRole.Link, new() { Name = "填写" }).ClickAsync();
        await RichEditors.FillAsync(liaison, "完成情况", "五月新开通国际航线 2 条，累计 22 条。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("strong.report-state")).ToHaveTextAsync("已报送");
        var reportUrl = new Uri(liaison.Url).AbsolutePath;
        await liaison.GotoAsync("/work");
        await liaison.GetByLabel("数值").FillAsync("22");
        await liaison.GetByLabel("截止日期").FillAsync("2026-06-10");
        await liaison.GetByLabel("数据来源或依据").FillAsync("天河机场国际航线统计");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "填报数据" }).ClickAsync();
        await Assertions.Expect(liaison.GetByText("数据已填报。")).ToBeVisibleAsync();

        // The office returns it with a comment.
        await office.GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Assertions.Expect(office.GetByText("五月新开通国际航线 2 条，累计 22 条。")).ToBeVisibleAsync();
        await office.GetByLabel("退回意见").FillAsync("请补充旅客吞吐量");
        await office.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(office.GetByText("报告已退回。")).ToBeVisibleAsync();

        // The liaison sees the comment, revises and resubmits; the office accepts.
        await liaison.GotoAsync(reportUrl);
        await Assertions.Expect(liaison.GetByRole(AriaRole.Note)).ToContainTextAsync("请补充旅客吞吐量");
        await RichEditors.FillAsync(liaison, "完成情况", "五月新开通国际航线 2 条，累计 22 条；国际旅客 12 万人次。");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Assertions.Expect(liaison.Locator("strong.report-state")).ToHaveTextAsync("已报送");
        await office.GotoAsync("/office/review");
        await Assertions.Expect(office.GetByText("国际旅客 12 万人次")).ToBeVisibleAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(office.GetByText("报告已通过。")).ToBeVisibleAsync();
        await liaison.ReloadAsync();
        await Assertions.Expect(liaison.Locator("strong.report-state")).ToHaveTextAsync("已通过");

        // The target's status on the overview follows the reading.
        await office.GotoAsync("/");
        await Assertions.Expect(TargetRow(office, "国际地区航线").Locator(".status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "督办情况" })).ToBeVisibleAsync();

        // A reminder to the late unit reaches the mail server.
        await office.GetByRole(AriaRole.Link, new() { Name = "催办", Exact = true }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "催办市交通运输局" }).ClickAsync();
        await Assertions.Expect(office.GetByText("已发出 1 条催办。")).ToBeVisibleAsync();
        var mail = app.Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "jtj@wuhan.test"));
        Assert.Contains("市交通运输局", mail.Subject);
        Assert.Matches(new Regex("月报 2026年4月"), mail.TextBody);
        await liaison.GotoAsync("/work");
        await Assertions.Expect(liaison.Locator("ul.reminders li")).ToHaveCountAsync(1);
    }
}

public sealed class SqliteSupervisionLoopBrowserTests(SqliteSupervisionBrowserApp app)
    : SupervisionLoopBrowserTests(app), IClassFixture<SqliteSupervisionBrowserApp>;

public sealed class PostgresSupervisionLoopBrowserTests(PostgresSupervisionBrowserApp app)
    : SupervisionLoopBrowserTests(app), IClassFixture<PostgresSupervisionBrowserApp>;
