using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Reads numeric targets out of clauses such as "入境游客人数达到 156 万人次" or "外贸进出口总额同比增长 10% 左右".
/// </summary>
/// <remarks>
/// Metric convention: the clause without its number, unit, qualifier words and comparison words
/// (同比, 年均, 比上年); other verbs stay, so "举办国际性会展 70 场" measures "举办国际性会展".
/// </remarks>
internal static partial class TargetClauses
{
    // Longest first so "万人次" is not read as "万人" + "次". 千米 is a unit, so 千 is not a multiplier.
    public const string Units =
        "个百分点|百分点|万标箱|标箱|平方米|平方公里|公里|千米|人次|家次|场次|架次|个|家|场|项|条|列|人|次|件|所|批|座|处|台|辆|艘|吨|元|户|名|套|部|篇|届|间|张|架|亩|米|班|趟|类|种|支|栋|床|位|倍|%|％";

    [GeneratedRegex(@"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)\s*(万亿|亿|万)?\s*(" + Units + ")")]
    private static partial Regex NumberWithUnit();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:%|％)?\s*[—–\-~～至]\s*$")]
    private static partial Regex RangeBefore();

    // Years, months and days are when a target is due, not what it measures.
    // A document named in 《》 ("《XX县2021-2023年…责任分解表》") and year spans are not targets either.
    [GeneratedRegex(@"\d{4}\s*[-—–~～至]\s*\d{4}\s*年|\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|“[^”]*”|《[^》]*》")]
    private static partial Regex DatesAndQuotes();

    [GeneratedRegex(@"同比|年均|比上年")]
    private static partial Regex ComparisonWords();

    /// <summary>
    /// The qualifiers a plan uses around its numbers. 下降, 不低于, 突破 and 以内 are added to the list
    /// the plans' readers asked for because plans of other cities write them in the same place.
    /// </summary>
    public static readonly string[] QualifiersBefore =
        ["不少于", "不低于", "累计", "确保", "达到", "增长", "下降", "新增", "新设", "新建", "超过", "突破", "力争"];

    /// <summary>Words after the number count only right after it: "规模以上工业企业…达到1%以上" has one 以上.</summary>
    public static readonly string[] QualifiersAfter = ["以上", "以内", "左右"];

    // A target table flattened to text: "1 国际友好城市 个 30" (序号 指标 单位 目标值, separated by spaces or tabs).
    [GeneratedRegex(@"^(?:\d{1,3}[\s.、]+)?(\S[^\t]*?)\s+((?:万亿|亿|万)?(?:" + Units + @"))\s+(\d+(?:\.\d+)?)\s*$")]
    private static partial Regex TableRow();

    /// <summary>Rewrites a table row as the clause a plan would write ("国际友好城市30个"), or null.</summary>
    public static string? FromTableRow(string line) =>
        TableRow().Match(line) is { Success: true } m ? $"{m.Groups[1].Value.Trim()}{m.Groups[3].Value}{m.Groups[2].Value}" : null;

    public static bool HasDigits(string clause) => DatesAndQuotes().Replace(clause, "").Any(char.IsAsciiDigit);

    /// <summary>Reads one clause; returns a target, a warning message key, or nothing when the clause has no number.</summary>
    public static List<ParsedTarget> Read(string group, string clause, int line, ICollection<ParseWarning> warnings)
    {
        clause = clause.Trim().TrimEnd('。', '；', ';', '，', ',');
        var written = clause;
        clause = ChineseAmounts.ToArabic(clause);
        if (!HasDigits(clause)) return [];

        var matches = NumberWithUnit().Matches(clause)
            .Where(m => !DatesAndQuotes().Matches(clause).Any(d => m.Index >= d.Index && m.Index < d.Index + d.Length))
            .ToList();
        if (matches.Count == 0)
        {
            warnings.Add(new ParseWarning(line, ParserMessages.Format("TargetNumberUnreadable", clause)));
            return [];
        }

        // "3%—5%" writes the unit twice; it is one range.
        if (matches.Count == 2 && RangeBefore().Match(clause[..matches[1].Index]) is { Success: true } twice && twice.Index == matches[0].Index)
            matches.RemoveAt(0);
        if (matches.Count > 1 && TrySplitList(group, clause, line, matches.Count, warnings) is { } parts) return parts;

        var match = matches[^1];
        // "培育8—10个": the lower bound is the value (what the plan commits to); the upper bound is kept.
        decimal? upper = null;
        var range = RangeBefore().Match(clause[..match.Index]);
        var start = match.Index;
        if (range.Success)
        {
            upper = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            start = range.Index;
        }
        if (matches.Count > 1)
            warnings.Add(new ParseWarning(line, ParserMessages.Format("TargetSeveralNumbers", clause, match.Value.Trim())));

        var value = decimal.Parse(range.Success ? range.Groups[1].Value : match.Groups[1].Value, CultureInfo.InvariantCulture);
        var multiplier = match.Groups[2].Value;
        var baseUnit = match.Groups[3].Value == "％" ? "%" : match.Groups[3].Value;
        var normalized = baseUnit == "%"
            ? value / 100m
            : value * multiplier switch { "万亿" => 1_000_000_000_000m, "亿" => 100_000_000m, "万" => 10_000m, _ => 1m };

        var before = clause[..start];
        var after = clause[(match.Index + match.Length)..];
        var afterWord = QualifiersAfter.FirstOrDefault(q => after.TrimStart().StartsWith(q, StringComparison.Ordinal));
        var qualifiers = QualifiersBefore
            .Select(q => (Word: q, At: before.IndexOf(q, StringComparison.Ordinal)))
            .Where(q => q.At >= 0)
            .OrderBy(q => q.At)
            .Select(q => q.Word)
            .ToList();
        if (afterWord is not null)
        {
            qualifiers.Add(afterWord);
            after = after.TrimStart()[afterWord.Length..];
        }

        foreach (var q in qualifiers.Where(q => q != afterWord)) before = before.Replace(q, "");
        var metric = Text.Compact(ComparisonWords().Replace(before + after, "")).Trim('的', ',', '，', ' ');

        return [new ParsedTarget(group, written, metric, value, multiplier + baseUnit,
            qualifiers.Count == 0 ? null : string.Join('、', qualifiers), normalized, line, upper)];
    }

    // "培育形成2个千亿级产业集群和6个五百亿级产业集群" lists two targets in one clause.
    private static List<ParsedTarget>? TrySplitList(string group, string clause, int line, int count, ICollection<ParseWarning> warnings)
    {
        var parts = Text.SplitTopLevel(clause, c => c is '和' or '及' or '、');
        var withNumbers = parts.Where(p => NumberWithUnit().Matches(p.Part).Count == 1).ToList();
        if (withNumbers.Count != count || parts.Any(p => NumberWithUnit().Matches(p.Part).Count > 1)) return null;
        return withNumbers.SelectMany(p => Read(group, p.Part, line, warnings)).ToList();
    }
}
