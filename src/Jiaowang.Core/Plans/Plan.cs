namespace Jiaowang.Core.Plans;

/// <summary>A work plan (工作方案) the office runs: its targets, tasks and phases.</summary>
public class Plan
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>发文字号, such as 武政办〔2026〕26号, when the document has one.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>成文日期: the date the issuing office signed the document.</summary>
    public DateOnly? IssuedOn { get; set; }
    /// <summary>File name the plan was imported from.</summary>
    public required string SourceName { get; set; }
    /// <summary>SHA-256 of the document's text, to recognise the same document imported twice.</summary>
    public required string SourceHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>Draft → active → closed (docs/STATUS-RULES.md, "Plan lifecycle"); a closed plan takes no reports or readings.</summary>
    public PlanLifecycle Lifecycle { get; set; } = PlanLifecycle.Active;

    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<TaskGroup> TaskGroups { get; set; } = [];
    public List<Phase> Phases { get; set; } = [];

    /// <summary>
    /// The identity by which a second import of the same plan is recognised: the document number when
    /// there is one (a revised text keeps it), otherwise the title.
    /// </summary>
    public string IdentityKey => DocumentNumber ?? Title;
}

/// <summary>Where a plan stands: being prepared, under way, or closed (read-only, its leading group dissolved).</summary>
public enum PlanLifecycle
{
    /// <summary>Under way: the value every plan stored before lifecycles had (0).</summary>
    Active = 0,
    Draft = 1,
    /// <summary>Read-only: no reports or readings; 领导小组自动撤销.</summary>
    Closed = 2,
}

/// <summary>A group of targets, such as 交往能级进一步提升.</summary>
public class TargetGroup
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public List<Target> Targets { get; set; } = [];
    /// <summary>When a revision of the plan removed it (docs/plan-parser.md, "Revisions"): hidden from current views, its history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A numeric target (目标), such as 国际友城和友好交流城市数量达到 129 个.</summary>
public class Target
{
    public int Id { get; set; }
    public int TargetGroupId { get; set; }
    public TargetGroup? Group { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public required string Metric { get; set; }
    public decimal Value { get; set; }
    /// <summary>Unit of measure as written: 个, 万人次, %.</summary>
    public required string Measure { get; set; }
    public string? Qualifier { get; set; }
    public decimal NormalizedValue { get; set; }
    /// <summary>
    /// When set, the target's value is counted from the registry (partners, events) instead of reported by people:
    /// each change of the count is written as a reading with origin Registry.
    /// </summary>
    public Jiaowang.Core.Network.RegistryBinding? Binding { get; set; }
    /// <summary>What the number means, which rule judges it (inferred at import, confirmed or corrected by the office).
    /// Null for a target stored before kinds existed: its kind is then inferred from <see cref="Text"/> (<see cref="EffectiveKind"/>).</summary>
    public Jiaowang.Core.Progress.TargetKind? Kind { get; set; }
    /// <summary>The kind that judges the target: as set, or as inferred from its sentence.</summary>
    public Jiaowang.Core.Progress.TargetKind EffectiveKind => Kind ?? Jiaowang.Core.Progress.TargetKinds.Infer(Text).Kind;
    /// <summary>基数: where a level, running total or share starts (127 partner cities at the end of 2025); for keep, the floor.</summary>
    public decimal? Baseline { get; set; }
    /// <summary>The year the baseline stands for (2025).</summary>
    public int? BaseYear { get; set; }
    /// <summary>For a growth target, true when the plan wants a decline (下降 3%): met by a change of −3 or lower, entered as a
    /// negative change rate. Null for a target stored before directions existed: read from <see cref="Text"/> (<see cref="EffectiveDecline"/>).</summary>
    public bool? Decline { get; set; }
    /// <summary>The direction that judges a growth target: as set, or as inferred from its sentence.</summary>
    public bool EffectiveDecline => Decline ?? Jiaowang.Core.Progress.TargetKinds.Infer(Text).Decline;
    /// <summary>Twelve monthly weights (January … December) when the target accrues unevenly, or null for linear 序时进度.</summary>
    public string? TimeProfile { get; set; }
    public List<Reading> Readings { get; set; } = [];
    /// <summary>When a revision of the plan removed it (docs/plan-parser.md, "Revisions"): hidden from current views, its history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A group of tasks, such as (一) 打造交流互鉴、辐射广泛的新窗口….</summary>
public class TaskGroup
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    /// <summary>The numeral as written: 一, 二, 三.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
    /// <summary>When a revision of the plan removed it (docs/plan-parser.md, "Revisions"): hidden from current views, its history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A task (工作任务) and the units responsible for it.</summary>
public class PlanTask
{
    public int Id { get; set; }
    public int TaskGroupId { get; set; }
    public TaskGroup? Group { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
    /// <summary>The measures the task names, in order (see <see cref="Measure"/>).</summary>
    public List<Measure> Measures { get; set; } = [];
    /// <summary>When a revision of the plan removed it (docs/plan-parser.md, "Revisions"): hidden from current views, its history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A responsible body (责任单位), shared by every plan that names it.</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>A note the document attaches to the name, e.g. 含开发区、长江新区、风景区(管委会)下同.</summary>
    public string? Annotation { get; set; }
    /// <summary>What kind of body it is; a group owes its reports through its members (see <see cref="UnitGroups"/>).</summary>
    public UnitKind Kind { get; set; }
    /// <summary>报分管领导审签: the unit's leader approves each report before it reaches the office.</summary>
    public bool LeaderApprovesReports { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
    /// <summary>For a group: the units it stands for.</summary>
    public List<UnitMembership> Members { get; set; } = [];
}

public enum UnitKind
{
    /// <summary>A municipal body (市直部门), which reports for itself.</summary>
    Body = 0,
    /// <summary>区人民政府</summary>
    District = 1,
    /// <summary>功能区 (开发区、长江新区、风景区管委会), which reports as a district does.</summary>
    FunctionalZone = 2,
    /// <summary>各区人民政府: every member reports.</summary>
    Group = 3,
    /// <summary>各相关区人民政府: the members the office names for each task report.</summary>
    ChosenGroup = 4,
}

/// <summary>A unit standing in a group, such as 江岸区 in 各区人民政府.</summary>
public class UnitMembership
{
    public int GroupId { get; set; }
    public Unit? Group { get; set; }
    public int MemberId { get; set; }
    public Unit? Member { get; set; }
}

/// <summary>
/// A member the office names for one task assigned to a <see cref="UnitKind.ChosenGroup"/> (各相关区人民政府): that
/// member owes the task's reports.
/// </summary>
public class ChosenMember
{
    public int PlanTaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int GroupId { get; set; }
    public Unit? Group { get; set; }
    public int MemberId { get; set; }
    public Unit? Member { get; set; }
}

public enum AssignmentRole
{
    /// <summary>牵头单位</summary>
    Lead = 0,
    /// <summary>配合单位</summary>
    Co = 1,
}

/// <summary>One unit's part in one task: lead (牵头) or co-unit (配合).</summary>
public class Assignment
{
    public int PlanTaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public AssignmentRole Role { get; set; }
    /// <summary>Where the document lists the unit in the task's responsibility note.</summary>
    public int Position { get; set; }
}

/// <summary>A phase (阶段) of the plan: 动员部署, 办理落实, 总结汇报.</summary>
public class Phase
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>First day of the first month.</summary>
    public DateOnly StartMonth { get; set; }
    /// <summary>First day of the last month.</summary>
    public DateOnly EndMonth { get; set; }
    public string Description { get; set; } = "";
    /// <summary>When a revision of the plan removed it (docs/plan-parser.md, "Revisions"): hidden from current views, its history kept.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}
