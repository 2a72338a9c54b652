using System.Diagnostics.Metrics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using OpenTelemetry.Metrics;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// What running the platform needs beyond its features (docs/OPERATIONS.md): one Data Protection key ring for all
/// instances, one leader per background job, caches dropped across instances, health and readiness probes,
/// Prometheus metrics and JSON logs in production.
/// </summary>
public static class OperationsSetup
{
    /// <summary>Fixed, so that every instance (and every install folder) reads the same protected payloads.</summary>
    public const string ApplicationName = "Jiaowang";
    public const string MetricsPolicy = "MetricsReader";
    internal const string DataProtectionHostedService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Sign-in cookies, antiforgery and bearer tokens are protected with keys kept in the database: a cookie issued
        // by one instance is read by the others, and survives a redeploy to a new folder.
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<JiaowangDb>();
        services.AddSingleton<ClusterLocks>();
        services.AddSingleton<BackgroundJobs>();
        services.AddSingleton<StartupWarmUp>();
        services.AddHostedService<ChangeListener>();
        services.AddExceptionHandler<BusyExceptionHandler>();

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(BackgroundJobs.MeterName)
            .AddView(MetricStream)
            .AddPrometheusExporter());
        services.AddSingleton<IAuthorizationHandler, LocalScrapeHandler>();
        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy.RequireRole(Accounts.Roles.Admin));

        if (builder.Environment.IsProduction())
        {
            // One JSON object per line, with the request id and trace id of the request it belongs to (its scopes),
            // Chinese kept readable.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
            });
        }
        return builder;
    }

    /// <summary>
    /// OpenTelemetry sets aside room for 2,000 tag combinations in every metric stream when the stream begins: 144 KB
    /// each, on the large object heap, for the 30 or so instruments of ASP.NET Core's meters. Made in the host's start,
    /// they set off a full collection there that stopped every thread for about 60 ms (docs/PERFORMANCE.md,
    /// "Start-up"). Two streams are kept by route: the request durations (by route, method and status) keep that room,
    /// for this app's 400-odd routes and methods (pages, APIs, static files); the routing's match attempts (by route)
    /// have 1,000, which still stays off the large object heap. Every other stream has a few tag values. Combinations
    /// beyond a limit are not lost: they are summed into one overflow series (<c>otel_metric_overflow="true"</c>).
    /// </summary>
    internal static MetricStreamConfiguration MetricStream(Instrument instrument) => new()
    {
        CardinalityLimit = instrument.Name switch
        {
            "http.server.request.duration" => 2_000,
            "aspnetcore.routing.match_attempts" => 1_000,
            _ => 100,
        },
    };

    /// <summary>
    /// Data Protection reads the key ring in the host's start: a DbContext, a query compiled and an XML parse, an eighth
    /// of a start on the thread every request waits for. Visitors' pages need no key, so the ring is read by the first
    /// request that does or by the warm-up once the overview is ready (<see cref="BeginWarmUp"/>), whichever comes
    /// first. Call it after the last <c>Add</c>: authentication, antiforgery and Identity each add the reader again.
    /// </summary>
    public static void ReadKeyRingAfterStart(this IServiceCollection services)
    {
        foreach (var reader in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionHostedService).ToList())
            services.Remove(reader);
    }

    /// <summary>
    /// Start-up work that must happen once even when several instances start together (migrations, first-start
    /// imports, the first Data Protection key) runs while holding this lock; on SQLite it is free.
    /// </summary>
    public static async Task<StartupLock> StartupLockAsync(this WebApplication app)
    {
        IAsyncDisposable held;
        try
        {
            // The first connection of the process: it creates a database that does not exist yet (DatabaseConnect).
            held = await app.Services.GetRequiredService<ClusterLocks>().WaitAsync("startup");
        }
        catch (DatabaseUnreachableException e) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(OperationsSetup).Assembly)
        {
            // The app run as a program (not hosted by a test): one sentence an operator can act on, no stack trace.
            Console.Error.WriteLine(e.Message);
            Environment.Exit(3);
            throw;
        }
        return new StartupLock(app, held);
    }

    /// <summary>
    /// Held while the database is prepared. Once <see cref="Prepared"/> is called, releasing it creates the first key
    /// of the shared key ring if there is none yet, still under the lock, so two instances cannot each create one. A
    /// preparation that failed creates no key: the key ring's table may not exist, and that error would hide the one that
    /// stopped the start. A key ring that has a key is left to be read by the first request that needs it: reading it is
    /// a query and an XML parse, a seventh of a start (docs/PERFORMANCE.md, "Start-up").
    /// </summary>
    public sealed class StartupLock(WebApplication app, IAsyncDisposable held) : IAsyncDisposable
    {
        bool makeKey;

        public void Prepared(Data.StartupFacts facts) => makeKey = !facts.HasKey;

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (makeKey) app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Jiaowang.Startup").Protect([1]);
            }
            finally
            {
                await held.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Builds Razor Pages' descriptors (reflection over every page model's handlers and properties: the largest single
    /// step of a start) on a thread of their own, started before the middleware and the maps, so that they are made
    /// while this thread works through the rest: <c>MapRazorPages</c> finds them made, or waits on MVC's own lock.
    /// A failure surfaces there, as it would have without this.
    /// </summary>
    public static void BeginPageDescriptors(this WebApplication app) =>
        _ = Task.Run(() => app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors);

    /// <summary>
    /// Builds every endpoint now (the minimal APIs' request delegates, the pages' endpoints from their descriptors),
    /// while the database is being prepared on another thread, instead of inside the host's start, after it. Call it
    /// after the last Map.
    /// </summary>
    public static void BuildEndpoints(this IEndpointRouteBuilder app)
    {
        // A minimal API's data source builds its endpoints anew each time it is asked (the authorization policy cache,
        // the route matcher and OpenAPI each ask): built once here and kept, they are built once per process. Only
        // Development keeps the live sources, for hot reload.
        var built = app.DataSources.SelectMany(source => source.Endpoints).ToArray();
        if (app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().IsDevelopment()) return;
        app.DataSources.Clear();
        app.DataSources.Add(new DefaultEndpointDataSource(built));
    }

    /// <summary>
    /// Does the first visitor's work ahead of them once <paramref name="databaseReady"/> is done (the overview, what most
    /// visitors open first), on a thread of its own while the endpoints are built and the host starts
    /// (<see cref="StartupWarmUp"/>). Call it after <see cref="DatabaseHosting.BuildRelationalModel"/>, which its queries
    /// need. It decides nothing: a failure is logged and left to the request that meets it.
    /// </summary>
    public static void BeginWarmUp(this WebApplication app, Task databaseReady)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiaowang.Startup");
        app.Services.GetRequiredService<StartupWarmUp>().Begin(
            async () =>
            {
                try
                {
                    await databaseReady;
                }
                catch
                {
                    // The start stops on that error itself (Program.cs awaits the same task).
                    return;
                }
                try
                {
                    await Plans.OverviewModel.WarmAsync(app.Services, app.Lifetime.ApplicationStopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping before the first visitor: nothing to warm for.
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Warming the overview failed");
                }
            },
            // Then the key ring, which the host no longer reads in its start: the first sign-in page finds it read.
            () =>
            {
                if (!databaseReady.IsCompletedSuccessfully || app.Lifetime.ApplicationStopping.IsCancellationRequested) return;
                try
                {
                    app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Jiaowang.Startup").Protect([1]);
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Reading the Data Protection key ring failed");
                }
            });
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Health.Alive).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", Health.ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        // From the machine itself (a Prometheus agent on loopback, not through the proxy) or by an admin.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy).WithMetadata(new LocalScrapeAllowed());
        return app;
    }
}

/// <summary>
/// The start-up warm-up of the overview's data, run from the moment the database is ready, beside the endpoints being
/// built and the host's start rather than before them: the last stretch of a start in which a core is free
/// (docs/PERFORMANCE.md, "Start-up"). A request for the overview that comes in before it ends waits for it instead of
/// loading the same data beside it.
/// </summary>
public sealed class StartupWarmUp
{
    /// <summary>Done when the overview's warm-up has ended, however it ended; done from the start where nothing was warmed.</summary>
    public Task Done { get; private set; } = Task.CompletedTask;

    /// <summary>Runs <paramref name="warm"/>, then <paramref name="after"/>, which no request waits for.</summary>
    public void Begin(Func<Task> warm, Action after)
    {
        Done = Task.Run(warm);
        Done.ContinueWith(_ => after(), TaskScheduler.Default);
    }
}
