using System.Net.Http.Json;
using System.Text;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Jiaowang.Web.Tests.Notifications;

/// <summary>The app with an SMTP sink, a robot/SMS sink on loopback, a clock the test moves, and the jobs driven by hand.</summary>
public sealed class NotificationApp : IAsyncDisposable
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();
    public HttpSink Sink { get; } = new();
    public SettableClock Clock { get; } = new(JiaowangFactory.Today);
    public SupervisionApp App { get; private set; } = null!;
    public JiaowangFactory Factory => App.Factory;

    public static async Task<NotificationApp> StartAsync(DatabaseProvider provider)
    {
        var n = new NotificationApp();
        n.App = await SupervisionApp.StartAsync(provider, n.Configure);
        return n;
    }

    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = Smtp.Configuration.Port; o.From = "duban@jiaowang.test"; });
        services.Configure<ReminderOptions>(o => o.Automatic = false);
        services.Configure<NotificationOptions>(o =>
        {
            o.Automatic = false;
            o.WebhookHosts = ["127.0.0.1"];
            o.Sms.Url = Sink.Root + "/sms?to={phone}";
            o.FirstBackoff = TimeSpan.FromMinutes(1);
        });
    }

    public DeliveryWorker Worker => Factory.Services.GetRequiredService<DeliveryWorker>();

    public List<MimeMessage> Mails() => Smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>An account of <paramref name="role"/> with an e-mail address and a mobile number, signed in with a bearer token.</summary>
    public async Task<(string Id, HttpClient Client)> PersonAsync(string role, string? unit, string email, string phone)
    {
        var user = await Accounts.CreateAsync(Factory, role, unit);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var stored = await db.Users.FindAsync(user.Id);
            stored!.Email = email;
            stored.PhoneNumber = phone;
            await db.SaveChangesAsync();
        }
        return (user.Id, await Accounts.BearerClientAsync(Factory, user.UserName!));
    }

    /// <summary>Unit's liaison writes and submits its May report on task 5; the office returns it. Returns the report id.</summary>
    public async Task<int> ReturnedReportAsync(HttpClient office, string unit = "市交通运输局", string comment = "请补充数据")
    {
        var (_, liaison) = await App.LiaisonAsync(unit);
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = App.TaskIds[5], periodId = App.Monthly(5).Id, text = "五月进展" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        (await liaison.PostAsJsonAsync($"/api/reports/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/api/reports/{id}/return", new { comment })).EnsureSuccessStatusCode();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Sink.Dispose();
        Smtp.Stop();
    }
}

public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
}
