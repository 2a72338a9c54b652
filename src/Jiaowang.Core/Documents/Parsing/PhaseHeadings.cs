using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Reads a phase heading such as "办理落实阶段(2026年4月—9月)" or "动员部署阶段(2026年3月底前)".
/// </summary>
internal static partial class PhaseHeadings
{
    [GeneratedRegex(@"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:份)?(?:上旬|中旬|下旬|初|中|底|末)?(?:前|以前)?")]
    private static partial Regex Month();

    [GeneratedRegex(@"[(（][^()（）]*\d\s*月[^()（）]*[)）]")]
    private static partial Regex TimeInBrackets();

    [GeneratedRegex(@"[(（][^()（）]*\d{4}\s*年\s*\d{1,2}\s*月[^()（）]*[)）]")]
    private static partial Regex DatedBrackets();

    [GeneratedRegex("即日起|即日开始|印发之日起|发布之日起")]
    private static partial Regex FromNow();

    /// <summary>"动员部署(2025年1月10日)": a section whose title carries a year and month in brackets is a phase.</summary>
    public static bool HasDatedBrackets(string title) => DatedBrackets().IsMatch(title);

    public static bool HasMonth(string text) => Month().IsMatch(text);

    /// <summary>
    /// Parses the heading part; a missing year is carried from the previous phase (or the plan's year).
    /// "即日起至2025年6月" starts in the month the plan was issued, when that is known.
    /// </summary>
    public static bool TryRead(string heading, int? carriedYear, YearMonth? issued, out string name, out YearMonth start, out YearMonth end)
    {
        name = heading;
        start = end = default;
        var months = Month().Matches(heading);
        if (months.Count == 0) return false;

        var year = carriedYear;
        var found = new List<YearMonth>();
        foreach (Match m in months)
        {
            if (m.Groups[1].Success) year = int.Parse(m.Groups[1].Value);
            var month = int.Parse(m.Groups[2].Value);
            if (year is null || month is < 1 or > 12) return false;
            var ym = new YearMonth(year.Value, month);
            // "2026年11月—2月" runs into the next year.
            if (found.Count > 0 && ym < found[^1] && !m.Groups[1].Success) ym = new YearMonth(ym.Year + 1, ym.Month);
            year = ym.Year;
            found.Add(ym);
        }
        start = found[0];
        end = found[^1];
        if (found.Count == 1 && issued is { } from && from <= start && FromNow().IsMatch(heading)) start = from;

        var bracket = TimeInBrackets().Match(heading);
        name = bracket.Success
            ? heading.Remove(bracket.Index, bracket.Length)
            : heading[..months[0].Index] + heading[(months[^1].Index + months[^1].Length)..];
        name = FromNow().Replace(name, "").Trim(' ', ',', '，', ':', '：', '、', '。', '—', '-', '至');
        return true;
    }
}
