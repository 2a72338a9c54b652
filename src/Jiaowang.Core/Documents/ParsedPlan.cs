namespace Jiaowang.Core.Documents;

/// <summary>
/// What the parser read from a plan document (办理工作方案), before it is stored.
/// Its shape is the JSON that <c>jiaowang plan parse</c> prints.
/// </summary>
public sealed record ParsedPlan(
    string Title,
    string? DocumentNumber,
    DateOnly? IssuedOn,
    IReadOnlyList<ParsedTarget> Targets,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<ParsedPhase> Phases,
    IReadOnlyList<string> Units,
    IReadOnlyList<UnitNote> UnitNotes,
    IReadOnlyList<ParseWarning> Warnings);

/// <summary>One numeric target (目标): "入境游客人数达到 156 万人次".</summary>
/// <param name="Group">The target group as the plan names it, e.g. "交往能级进一步提升".</param>
/// <param name="Text">The clause as written in the document.</param>
/// <param name="Metric">What is measured, e.g. "入境游客人数".</param>
/// <param name="Value">The number as written: 156 for "156 万人次".</param>
/// <param name="Unit">The unit as written: "万人次", "%", "家".</param>
/// <param name="Qualifier">The qualifier words in text order, joined by "、": "达到", "累计、达到", "增长、左右", "以上".</param>
/// <param name="NormalizedValue">The value in base units: 1560000 for 156 万; a percentage as a fraction (10% → 0.1).</param>
/// <param name="UpperValue">For a range ("培育8—10个"), the upper bound as written; <paramref name="Value"/> is then the lower bound.</param>
public sealed record ParsedTarget(
    string Group,
    string Text,
    string Metric,
    decimal Value,
    string Unit,
    string? Qualifier,
    decimal NormalizedValue,
    int Line,
    decimal? UpperValue = null)
{
    /// <summary>What the number means (level, cumulative, new, growth, keep, ceiling, share), inferred from <see cref="Text"/>.</summary>
    public Progress.TargetKind Kind { get; init; } = Progress.TargetKinds.Infer(Text).Kind;
    /// <summary>基数 as written in the sentence ("由 127 个增加到 129 个"), or null.</summary>
    public decimal? Baseline { get; init; } = Progress.TargetKinds.Infer(Text).Baseline;
    /// <summary>The year the baseline or the growth counts from, when written ("比 2025 年").</summary>
    public int? BaseYear { get; init; } = Progress.TargetKinds.Infer(Text).BaseYear;
    /// <summary>For a growth target, true when the plan wants a decline ("下降3%"): <see cref="Value"/> stays as written (3),
    /// and a reading is the change rate, negative for a fall (同比下降3.5% → −3.5).</summary>
    public bool Decline { get; init; } = Progress.TargetKinds.Infer(Text).Decline;
}

/// <summary>One task (工作任务) with its responsible units (责任单位).</summary>
/// <param name="Number">The number the document gives the task: 1 … 12.</param>
/// <param name="Group">The task group heading, e.g. "打造交流互鉴、辐射广泛的新窗口,持续扩大国际交往影响力".</param>
/// <param name="GroupNumber">The group's numeral as written: "一".</param>
/// <param name="Title">The task's first sentence, without its number.</param>
/// <param name="Text">The task's whole text, rejoined across page breaks, without the responsibility note.</param>
/// <param name="LeadUnits">牵头单位: by convention the first unit listed.</param>
/// <param name="CoUnits">配合单位: the other units listed.</param>
public sealed record ParsedTask(
    int Number,
    string Group,
    string GroupNumber,
    string Title,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CoUnits,
    int Line)
{
    /// <summary>The task's deadline as written (完成时限 / 时间节点): "2025年6月底前", "长期坚持"; null when none is given.</summary>
    public string? Deadline { get; init; }

    /// <summary>The measures the task names (一是…二是…, (1)(2), ①②), in order; empty when it names none.</summary>
    public IReadOnlyList<ParsedMeasure> Measures { get; init; } = [];
}

/// <summary>One named measure of a task (举措): "二是办好中国（武汉）国际友城合作论坛".</summary>
public sealed record ParsedMeasure(string Text);

/// <summary>One phase (阶段) of the plan, with its months.</summary>
public sealed record ParsedPhase(
    string Name,
    YearMonth Start,
    YearMonth End,
    string Description,
    int Line);

/// <summary>
/// A note the document attaches to a unit, such as
/// 各区人民政府〈含开发区、长江新区、风景区(管委会)下同〉: the unit stays 各区人民政府,
/// the note is kept here.
/// </summary>
public sealed record UnitNote(string Unit, string Annotation);

/// <summary>Something the parser could not place, with the line it is on (1-based, in the original text).</summary>
public sealed record ParseWarning(int Line, string Message);
