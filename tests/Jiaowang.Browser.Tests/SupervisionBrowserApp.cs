using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using netDumbster.smtp;

namespace Jiaowang.Browser.Tests;

/// <summary>
/// Like <see cref="BrowserApp"/>, with a real SMTP server on loopback that the app sends its reminders to, on the
/// database the derived fixture names: the loop must work the same on SQLite and on PostgreSQL.
/// </summary>
public abstract class SupervisionBrowserApp(DatabaseProvider provider) : IAsyncLifetime
{
    IPlaywright playwright = null!;
    public JiaowangFactory Factory { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Smtp = SimpleSmtpServer.Start();
        Factory = new JiaowangFactory(await TestDatabase.CreateAsync(provider), configureServices: services =>
        {
            services.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = Smtp.Configuration.Port; o.From = "duban@jiaowang.test"; });
            services.Configure<ReminderOptions>(o => o.Automatic = false);
        });
        BaseUrl = LoopbackBrowser.Serve(Factory);
        playwright = await Playwright.CreateAsync();
        Browser = await LoopbackBrowser.LaunchAsync(playwright);
    }

    /// <summary>A separate browser profile: each person in the test has their own cookies.</summary>
    public async Task<IPage> NewPersonAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
        Smtp.Stop();
    }
}

public sealed class SqliteSupervisionBrowserApp() : SupervisionBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresSupervisionBrowserApp() : SupervisionBrowserApp(DatabaseProvider.Postgres);
