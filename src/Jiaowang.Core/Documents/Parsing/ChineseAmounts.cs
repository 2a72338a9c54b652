using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Rewrites amounts written in Chinese numerals ("三十个", "两万人次", "五千亿元") as Arabic digits, so that
/// targets read the same however the office typed them. Only a numeral right before a unit is read.
/// </summary>
internal static partial class ChineseAmounts
{
    // 一 and 两 alone before a unit are nearly always words ("一批", "两个维护"), not amounts to track.
    [GeneratedRegex(@"(?<![第每])([零〇一二两三四五六七八九十百千]+)(?=\s*(?:万亿|亿|万)?\s*(?:" + TargetClauses.Units + "))")]
    private static partial Regex NumeralBeforeUnit();

    // "八至十个", "三到五家": the lower bound of a range has the unit only after the upper one.
    [GeneratedRegex(@"(?<![第每])([零〇一二两三四五六七八九十百千]+)(?=\s*[至到—–\-~～]\s*[零〇一二两三四五六七八九十百千]+\s*(?:万亿|亿|万)?\s*(?:" + TargetClauses.Units + "))")]
    private static partial Regex NumeralBeforeRange();

    public static string ToArabic(string clause) =>
        NumeralBeforeUnit().Replace(NumeralBeforeRange().Replace(clause, m => Value(m.Value)?.ToString(CultureInfo.InvariantCulture) ?? m.Value), m =>
            m.Value is "一" or "两" && !IsScale(clause, m.Index + m.Length)
                ? m.Value
                : Value(m.Value)?.ToString(CultureInfo.InvariantCulture) ?? m.Value);

    // "两万人次" is an amount; "两个" and "一批" are words.
    private static bool IsScale(string clause, int at) => at < clause.Length && clause[at] is '万' or '亿';

    /// <summary>三十 → 30, 一百二十 → 120, 五千 → 5000; null when the run is not a well-formed number.</summary>
    public static int? Value(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        var total = 0;
        var current = -1;
        foreach (var c in numeral)
        {
            var d = c switch { '〇' => 0, '两' => 2, _ => digits.IndexOf(c) };
            if (d >= 0)
            {
                if (current > 0) return null; // "三五" is not a number
                current = d;
                continue;
            }
            var scale = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (scale == 0) return null;
            total += (current < 0 ? 1 : current) * scale;
            current = -1;
        }
        return total + Math.Max(current, 0);
    }
}
