using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Meetings;
using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Features.Operations;
using Jiaowang.Web.Features.Evaluations;
using Jiaowang.Web.Features.Documents;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Leadership;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Features.Tasks;
using Jiaowang.Web.Features.Readings;
using Jiaowang.Web.Features.Portfolio;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Features.Services;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Features.Extensions;
using Jiaowang.Web.Features.CoSigning;
using Jiaowang.Web.Features.Assessment;
using Jiaowang.Web.Features.Spreadsheets;
using Jiaowang.Web.Features.Units;
using Jiaowang.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
StartupPrewarm.Begin(builder.Configuration);

builder.AddJiaowangDatabase();
builder.AddOperations();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddJiaowangText();
builder.Services.AddJiaowangErrors();
builder.Services.AddJiaowangSecurity(builder.Configuration);
builder.Services.AddJiaowangPages();
builder.Services.AddTextInputRule();
builder.Services.AddPublicCache();
builder.Services.AddJiaowangOpenApi();
builder.Services.AddAccounts();
builder.Services.AddWorkPlans();
builder.Services.AddPlans();
builder.Services.AddNetwork().AddRegistrySyncJob();
builder.Services.AddAudit();
builder.Services.AddSupervision(builder.Configuration);
builder.Services.AddInstruments();
builder.Services.AddCoSigning();
builder.Services.AddAssessment();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddMeetings();
builder.Services.AddSpreadsheets();
builder.Services.AddEvaluations(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddUnits();
builder.Services.AddLeadership();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddEscalation(builder.Configuration);
builder.Services.AddServicesPortal(builder.Configuration);
builder.Services.ReadKeyRingAfterStart();

var app = builder.Build();

// The database is made ready on a second thread while this one builds the request pipeline and every endpoint: the two
// share nothing, and each is about half of a start (docs/PERFORMANCE.md, "Start-up"). Several instances starting
// together take turns inside the lock: the first migrates and imports, the others find it done.
var databaseReady = Task.Run(async () =>
{
    await using (var startup = await app.StartupLockAsync())
    {
        var facts = await app.PrepareDatabaseAsync();
        await app.PrepareNetworkAsync(facts);
        await app.PrepareServicesAsync(facts);
        startup.Prepared(facts);
    }
});
app.BeginPageDescriptors();
app.BuildRelationalModel();
// The overview's data is loaded as soon as the database is ready, beside the endpoints being built and the host's start.
app.BeginWarmUp(databaseReady);

// A request reads SQLite's commit count once, however many kept values it asks for.
DatabaseVersion.UsePerRequest(app);
// The proxy's word on scheme and client address comes first (from a configured proxy only), with the security headers.
app.UseJiaowangSecurity();
// The language is settled next, so that an error page shown for a request speaks the request's language.
app.UseJiaowangText();
// The 家在武汉 portal's pages take their language from the URL prefix (/fr/services/…) instead.
app.UsePortalLanguage();
app.UseJiaowangErrors();
// Cookie-borne writes from another origin are refused before any page or endpoint sees them.
app.UseSameOriginWrites();
// Routing runs after the error handlers so that a re-executed /error/{code} finds its page.
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UsePendingStepGate();
app.UseAuthorization();
app.UseOutputCache();
app.MapJiaowangStaticFiles();
app.MapRazorPages().WithStaticAssets();
app.MapOpenApi().AllowAnonymous();
app.MapOperations();
// Every API endpoint is mapped under one group that applies the text input rule (control characters, bidi overrides,
// over-long strings) to whatever it binds: a new endpoint cannot forget it.
var api = app.MapCheckedInput();
api.MapAccountsApi();
api.MapPlansApi();
api.MapPlanRevisionsApi();
api.MapMeasuresApi();
api.MapWorkPlansApi();
api.MapUnitsApi();
api.MapNetworkApi();
api.MapPeriodsApi();
api.MapReportsApi();
api.MapAttachmentsApi();
api.MapInstructionsApi();
api.MapMyWorkApi();
api.MapReadingsApi().MapTargetRules();
api.MapAuditApi();
api.MapRemindersApi();
api.MapMeetingsApi();
api.MapSpreadsheetsApi();
api.MapEvaluationsApi();
api.MapDocumentsApi();
api.MapDashboardApi();
api.MapLeadershipApi();
api.MapReportApprovalApi();
api.MapNotificationsApi();
api.MapEscalationApi();
api.MapPortfolioApi();
api.MapServicesApi();
api.MapExtensionsApi();
api.MapSummariesApi();
api.MapAssessmentApi();
app.BuildEndpoints();

await databaseReady;
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
