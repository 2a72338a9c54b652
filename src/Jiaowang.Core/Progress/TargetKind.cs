namespace Jiaowang.Core.Progress;

/// <summary>
/// What a target's number means, which decides how its status is judged (docs/STATUS-RULES.md, "Target kinds").
/// JSON names: level, cumulative, new, growth, keep, ceiling, share.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TargetKindJsonConverter))]
public enum TargetKind
{
    /// <summary>A standing level to reach from a baseline (达到): 国际友城和友好交流城市数量达到 129 个 (基数 127).</summary>
    Level = 0,
    /// <summary>A running total (累计), counted from its baseline: 在汉留学生数量累计达到 1.9 万人.</summary>
    Cumulative = 1,
    /// <summary>Counted within the plan from zero: new things (新建/新增/新设), events held (举办), yearly flows (人次, 吞吐量).</summary>
    New = 2,
    /// <summary>A growth rate against last year (同比增长 10% 左右), judged as a rate, not accrued over the year; with a decline
    /// direction (下降 3%), the change wanted is a fall of at least the target.</summary>
    Growth = 3,
    /// <summary>A level to keep (巩固/保持): on track while at or above it.</summary>
    Keep = 4,
    /// <summary>A ceiling (控制在…以内): lower is better.</summary>
    Ceiling = 5,
    /// <summary>A share or percentage to reach (覆盖率达到 90%), from its baseline.</summary>
    Share = 6,
}

/// <summary>What <see cref="TargetKinds.Infer"/> reads from a target's sentence.</summary>
/// <param name="Baseline">基数, in the unit the plan writes the target in, when the sentence writes it ("由 127 个增加到 129 个").</param>
/// <param name="BaseYear">The year the baseline or growth is counted from ("比 2025 年", "2025 年基础上").</param>
/// <param name="Decline">For a growth target, true when the plan wants a decline of the number ("下降3%", "降低0.5个百分点",
/// "减少5%"): the target is then met by a change of −3 % or lower, entered as a negative change rate.</param>
public sealed record TargetInference(TargetKind Kind, decimal? Baseline, int? BaseYear, bool Decline = false);

/// <summary>Writes and reads a <see cref="TargetKind"/> by its JSON name (level, cumulative, new, growth, keep, ceiling, share).</summary>
public sealed class TargetKindJsonConverter : System.Text.Json.Serialization.JsonConverter<TargetKind>
{
    public override TargetKind Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        TargetKinds.TryParse(reader.GetString(), out var kind) ? kind
            : throw new System.Text.Json.JsonException("Expected level, cumulative, new, growth, keep, ceiling or share.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, TargetKind value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(TargetKinds.Code(value));
}
