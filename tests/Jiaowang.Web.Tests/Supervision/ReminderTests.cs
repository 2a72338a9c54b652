using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>Reminders land in the unit's inbox and reach a real SMTP server on loopback.</summary>
public abstract class ReminderTests(DatabaseProvider provider) : IAsyncLifetime
{
    SimpleSmtpServer smtp = null!;
    SupervisionApp app = null!;
    readonly SettableClock clock = new(JiaowangFactory.Today);

    public async Task InitializeAsync()
    {
        smtp = SimpleSmtpServer.Start();
        app = await SupervisionApp.StartAsync(provider, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = smtp.Configuration.Port; o.From = "duban@jiaowang.test"; });
            // The test drives the job by hand on the day it chooses.
            services.Configure<ReminderOptions>(o => o.Automatic = false);
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        smtp.Stop();
    }

    async Task<string> LiaisonWithEmailAsync(string unit, string email)
    {
        var user = await Accounts.CreateAsync(app.Factory, "liaison", unit);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        var stored = await db.Users.FindAsync(user.Id);
        stored!.Email = email;
        await db.SaveChangesAsync();
        return user.UserName!;
    }

    List<MimeMessage> Received() =>
        smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    [Fact]
    public async Task The_office_reminds_a_late_unit_and_the_mail_and_the_inbox_both_have_it()
    {
        var name = await LiaisonWithEmailAsync("市交通运输局", "jtj@wuhan.test");
        using var office = await app.OfficeAsync();

        var sent = await office.PostAsJsonAsync("/api/reminders", new { unitId = app.UnitIds["市交通运输局"] });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var mail = Assert.Single(Received(), m => m.To.Mailboxes.Any(a => a.Address == "jtj@wuhan.test"));
        Assert.Contains("催办", mail.Subject);
        Assert.Contains("5. 建设国际性综合交通枢纽城市", mail.TextBody);
        using var liaison = await Accounts.BearerClientAsync(app.Factory, name);
        var inbox = await liaison.GetFromJsonAsync<List<ReminderItem>>("/api/me/reminders");
        Assert.Contains("月报", Assert.Single(inbox!).Text);
    }

    [Fact]
    public async Task Remind_all_late_units_sends_one_reminder_to_each()
    {
        await LiaisonWithEmailAsync("市商务局", "sw@wuhan.test");
        using var office = await app.OfficeAsync();

        var sent = await (await office.PostAsync("/api/reminders/late", null)).Content.ReadFromJsonAsync<List<ReminderItem>>();

        // Nothing was reported by 15 June: every unit of the plan is late.
        Assert.Equal(31, sent!.Count);
        Assert.Equal(sent.Count, sent.Select(r => r.UnitId).Distinct().Count());
        Assert.Contains(Received(), m => m.To.Mailboxes.Any(a => a.Address == "sw@wuhan.test"));
    }

    [Fact]
    public async Task Automatic_reminders_go_out_days_before_a_deadline_once_per_unit_and_period()
    {
        await LiaisonWithEmailAsync("市交通运输局", "auto@wuhan.test");
        var job = app.Factory.Services.GetRequiredService<AutomaticReminders>();

        clock.Now = new DateTimeOffset(2026, 6, 28, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(0, await job.RunOnceAsync());
        clock.Now = new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var first = await job.RunOnceAsync();
        var again = await job.RunOnceAsync();

        Assert.Equal(31, first);
        Assert.Equal(0, again);
        var mail = Assert.Single(Received(), m => m.To.Mailboxes.Any(a => a.Address == "auto@wuhan.test"));
        Assert.Contains("2026年7月5日", mail.TextBody);
    }

    [Fact]
    public async Task A_liaison_cannot_send_reminders()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync("/api/reminders/late", null)).StatusCode);
    }

    sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
    }
}

public sealed class SqliteReminderTests() : ReminderTests(DatabaseProvider.Sqlite);

public sealed class PostgresReminderTests() : ReminderTests(DatabaseProvider.Postgres);
