using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests;
using Jiaowang.Web.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Like <see cref="BrowserApp"/>, with a real SMTP server on loopback that the app sends its reminders to, on the
/// database the derived fixture names: the loop must work the same on SQLite and on PostgreSQL.
/// </summary>
public abstract class SupervisionBrowserApp(DatabaseProvider provider) : LoopbackApp
{
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    /// <summary>Stands in for a WeCom / 政务微信 group robot.</summary>
    public HttpSink Robot { get; } = new();
    /// <summary>The notification deliveries, run by the test (the background job is off so nothing is sent mid-step).</summary>
    public DeliveryWorker Deliveries => Factory.Services.GetRequiredService<DeliveryWorker>();

    protected override async Task<JiaowangFactory> CreateFactoryAsync()
    {
        Smtp = SimpleSmtpServer.Start();
        return new JiaowangFactory(await TestDatabase.CreateAsync(provider), configureServices: services =>
        {
            services.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = Smtp.Configuration.Port; o.From = "duban@jiaowang.test"; });
            services.Configure<ReminderOptions>(o => o.Automatic = false);
            services.Configure<NotificationOptions>(o => { o.Automatic = false; o.WebhookHosts = ["127.0.0.1"]; });
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
        Robot.Dispose();
    }
}

public sealed class SqliteSupervisionBrowserApp() : SupervisionBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresSupervisionBrowserApp() : SupervisionBrowserApp(DatabaseProvider.Postgres);
