using Jiaowang.Core.Meetings;
using Jiaowang.Core.Demo;
using Jiaowang.Core.Network;
using Jiaowang.Core.Audit;
using Jiaowang.Core.Evaluations;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Jiaowang.Core.Services;
using Jiaowang.Core.Assessment;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

/// <summary>
/// The platform's database. Each provider has its own derived context (<see cref="SqliteJiaowangDb"/>,
/// <see cref="PostgresJiaowangDb"/>) so that each keeps its own migrations; code uses this base type.
/// </summary>
public abstract class JiaowangDb(DbContextOptions options) : IdentityDbContext<JiaowangUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<TargetGroup> TargetGroups => Set<TargetGroup>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TaskGroup> TaskGroups => Set<TaskGroup>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Measure> Measures => Set<Measure>();
    // Units' own work plans (具体工作方案) and reports' progress per measure.
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<WorkPlanMeasure> WorkPlanMeasures => Set<WorkPlanMeasure>();
    public DbSet<MeasureProgress> MeasureProgress => Set<MeasureProgress>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<ChosenMember> ChosenMembers => Set<ChosenMember>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
    public DbSet<Reading> Readings => Set<Reading>();
    /// <summary>Per target: reading count and latest reading, kept by triggers (Features/Targets/TargetRollup.cs); read only.</summary>
    public DbSet<Features.Targets.TargetRollup> TargetRollups => Set<Features.Targets.TargetRollup>();
    // The leading group (领导小组) and what the office publishes of each plan (公开范围).
    public DbSet<LeadingGroupMember> LeadingGroupMembers => Set<LeadingGroupMember>();
    public DbSet<PlanPublication> PlanPublications => Set<PlanPublication>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<GrassrootsPair> GrassrootsPairs => Set<GrassrootsPair>();
    public DbSet<ExchangeProject> ExchangeProjects => Set<ExchangeProject>();
    public DbSet<PartnerChange> PartnerChanges => Set<PartnerChange>();
    public DbSet<InternationalEvent> Events => Set<InternationalEvent>();
    // Supervision (督办): periods, reports, target assignments, reminders, instructions and the audit log.
    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<TargetUnit> TargetUnits => Set<TargetUnit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Instruction> Instructions => Set<Instruction>();
    public DbSet<Extension> Extensions => Set<Extension>();
    public DbSet<TaskReturn> TaskReturns => Set<TaskReturn>();
    public DbSet<TaskSummary> TaskSummaries => Set<TaskSummary>();
    public DbSet<SummarySignature> SummarySignatures => Set<SummarySignature>();
    public DbSet<PlanAssessmentWeights> AssessmentWeights => Set<PlanAssessmentWeights>();
    // Meetings and inspections (会议、视察) and their follow-up items (议定事项).
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    /// <summary>Plans whose supervision data was generated for a demonstration (jiaowang demo generate).</summary>
    public DbSet<DemoRun> DemoRuns => Set<DemoRun>();
    // Satisfaction vote (满意度测评): who voted and what was answered are kept in tables that do not point at each other.
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationUnit> EvaluationUnits => Set<EvaluationUnit>();
    public DbSet<EvaluationElector> EvaluationElectors => Set<EvaluationElector>();
    public DbSet<EvaluationVoter> EvaluationVoters => Set<EvaluationVoter>();
    public DbSet<EvaluationAnswer> EvaluationAnswers => Set<EvaluationAnswer>();
    // Notifications: who follows what, each person's inbox and channels, the outbox of outside deliveries (docs/SUPERVISION.md).
    public DbSet<Features.Notifications.Follow> Follows => Set<Features.Notifications.Follow>();
    public DbSet<Features.Notifications.Notification> Notifications => Set<Features.Notifications.Notification>();
    public DbSet<Features.Notifications.Delivery> Deliveries => Set<Features.Notifications.Delivery>();
    public DbSet<Features.Notifications.NotificationPreference> NotificationPreferences => Set<Features.Notifications.NotificationPreference>();
    public DbSet<Features.Notifications.UnitRobot> UnitRobots => Set<Features.Notifications.UnitRobot>();
    public DbSet<Features.Notifications.NotificationMark> NotificationMarks => Set<Features.Notifications.NotificationMark>();
    // Receipt (签收), supervision notices (督办单) and the escalation ladder's history (issue 12).
    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();
    public DbSet<SupervisionEntry> SupervisionEntries => Set<SupervisionEntry>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<LadderSettingsRow> LadderSettings => Set<LadderSettingsRow>();
    // 家在武汉 (Features/Services): the directory, its translations and history, category owners, signage reports.
    public DbSet<Place> Places => Set<Place>();
    public DbSet<PlaceTranslation> PlaceTranslations => Set<PlaceTranslation>();
    public DbSet<PlaceVersion> PlaceVersions => Set<PlaceVersion>();
    public DbSet<ServiceGuide> ServiceGuides => Set<ServiceGuide>();
    public DbSet<ServiceGuideText> ServiceGuideTexts => Set<ServiceGuideText>();
    public DbSet<ServiceGuideVersion> ServiceGuideVersions => Set<ServiceGuideVersion>();
    public DbSet<ServiceCategoryUnit> ServiceCategoryUnits => Set<ServiceCategoryUnit>();
    public DbSet<SignageReport> SignageReports => Set<SignageReport>();
    /// <summary>The Data Protection key ring every instance shares (sign-in cookies, antiforgery, bearer tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JiaowangDb).Assembly);
        ArchivedRows.HideIn(modelBuilder);
    }
}

public sealed class SqliteJiaowangDb(DbContextOptions<SqliteJiaowangDb> options) : JiaowangDb(options);

public sealed class PostgresJiaowangDb(DbContextOptions<PostgresJiaowangDb> options) : JiaowangDb(options);
