using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiaowang.Core.Progress;

/// <summary>
/// Infers a target's kind, baseline and base year from its sentence, by the wording plans use (docs/STATUS-RULES.md).
/// The office confirms or corrects what is inferred on the target page.
/// </summary>
public static partial class TargetKinds
{
    /// <summary>The JSON name: level, cumulative, new, growth, keep, ceiling, share.</summary>
    public static string Code(TargetKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out TargetKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text) || int.TryParse(text, out _)) return false;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    [GeneratedRegex(@"控制在|以内|不超过|不高于|不多于|压减到|降至|降低到|下降到")]
    private static partial Regex CeilingWords();

    [GeneratedRegex(@"增长|增速|下降\s*\d|提高\s*\d+(?:\.\d+)?\s*(?:%|％|个百分点)|(?:降低|减少)\s*\d+(?:\.\d+)?\s*(?:%|％|个百分点)")]
    private static partial Regex GrowthWords();

    // "下降3%", "降低0.5个百分点", "减少5%": a change the plan wants to be a decline ("下降到", "降至" are ceilings).
    [GeneratedRegex(@"(?:下降|降低|减少)\s*\d")]
    private static partial Regex DeclineWords();

    [GeneratedRegex(@"巩固|保持|稳定在|维持")]
    private static partial Regex KeepWords();

    [GeneratedRegex(@"新建|新增|新设|新开|新引进|引进|举办|承办|组织|打造|培育|建成|建设|开展|落户")]
    private static partial Regex NewWords();

    // Yearly flows are counted from zero within the year even when the plan writes 达到.
    [GeneratedRegex(@"人次|家次|场次|架次|标箱|吞吐量|发运量|年发运|进出口额|总额|游客")]
    private static partial Regex FlowWords();

    [GeneratedRegex(@"率|占比|比重|比例|覆盖")]
    private static partial Regex ShareWords();

    // "由 127 个增加到 129 个", "从1.5万人提高到1.9万人".
    [GeneratedRegex(@"(?:由|从)\s*(\d+(?:\.\d+)?)\s*(?:万亿|亿|万)?\s*\S{0,3}?\s*(?:增加|增长|提高|提升|扩大|上升|发展|下降|减少|降低|压减)?\s*(?:到|至)")]
    private static partial Regex FromTo();

    // "基数 127", "基数为127个".
    [GeneratedRegex(@"基数\s*(?:为|是)?\s*(\d+(?:\.\d+)?)")]
    private static partial Regex BaseWord();

    // "在2025年127个的基础上", "2025 年底 127 个".
    [GeneratedRegex(@"(20\d{2}|19\d{2})\s*年(?:底|末|度)?\s*(?:的)?\s*(\d+(?:\.\d+)?)\s*(?:万亿|亿|万)?\s*[^\d\s，,；;。到至]{0,3}?\s*(?:的)?\s*(?:基础上|基数|增加到|增长到|提高到|提升到)")]
    private static partial Regex YearAndBase();

    // "比2025年", "较 2025 年", "同比（2025年）", "2025年基础上", "以2025年为基数".
    [GeneratedRegex(@"(?:比|较|相比|以|与)\s*(20\d{2}|19\d{2})\s*年|(20\d{2}|19\d{2})\s*年(?:底|末|度)?\s*(?:的)?\s*(?:基础上|为基数|为基期)")]
    private static partial Regex BaseYearWords();

    /// <summary>Reads the kind, the baseline and the base year from a target's sentence as the plan writes it.</summary>
    public static TargetInference Infer(string sentence)
    {
        var s = sentence ?? "";
        var kind = KindOf(s);
        decimal? baseline = null;
        int? baseYear = null;
        if (YearAndBase().Match(s) is { Success: true } yb)
        {
            baseYear = int.Parse(yb.Groups[1].Value, CultureInfo.InvariantCulture);
            baseline = decimal.Parse(yb.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        else if (FromTo().Match(s) is { Success: true } ft) baseline = decimal.Parse(ft.Groups[1].Value, CultureInfo.InvariantCulture);
        else if (BaseWord().Match(s) is { Success: true } bw) baseline = decimal.Parse(bw.Groups[1].Value, CultureInfo.InvariantCulture);
        if (baseYear is null && BaseYearWords().Match(s) is { Success: true } by)
            baseYear = int.Parse(by.Groups[1].Success ? by.Groups[1].Value : by.Groups[2].Value, CultureInfo.InvariantCulture);
        // A growth rate compares with last year by definition; a baseline does not apply to a count from zero.
        if (kind is TargetKind.Growth or TargetKind.New) baseline = null;
        // Only a change rate has a direction to read: a ceiling is lower-is-better by itself.
        var decline = kind == TargetKind.Growth && DeclineWords().IsMatch(s);
        return new TargetInference(kind, baseline, baseYear, decline);
    }

    static TargetKind KindOf(string s)
    {
        if (CeilingWords().IsMatch(s)) return TargetKind.Ceiling;
        if (GrowthWords().IsMatch(s) && (s.Contains('%') || s.Contains('％') || s.Contains("百分点") || s.Contains("同比") || s.Contains("年均")))
            return TargetKind.Growth;
        if (KeepWords().IsMatch(s)) return TargetKind.Keep;
        if (s.Contains("累计")) return TargetKind.Cumulative;
        if ((s.Contains('%') || s.Contains('％')) && ShareWords().IsMatch(s)) return TargetKind.Share;
        if (FlowWords().IsMatch(s)) return TargetKind.New;
        if (NewWords().IsMatch(s) && !s.Contains("数量达到")) return TargetKind.New;
        if (s.Contains("达到") || s.Contains("数量") || s.Contains("提高到") || s.Contains("增加到") || s.Contains("提升到")) return TargetKind.Level;
        if (s.Contains('%') || s.Contains('％')) return TargetKind.Share;
        return TargetKind.New;
    }
}
