using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// The measures a task names (举措): "一是…；二是…；三是…", or sub-items "(1)…(2)…", "①…②…", "1.…2.…"
/// on lines of their own. A task that names fewer than two has none: its text is the measure.
/// </summary>
internal static partial class Measures
{
    [GeneratedRegex(@"(?:^|(?<=[。；;，,：:\s]))([一二三四五六七八九十]{1,2})是")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|[①-⑳]|\d{1,2}\s*[.．、](?!\d))\s*")]
    private static partial Regex SubItem();

    public static IReadOnlyList<ParsedMeasure> Extract(IReadOnlyList<string> parts)
    {
        var text = string.Join("\n", parts);
        var byOrdinal = FromOrdinals(text);
        if (byOrdinal.Count >= 2) return byOrdinal;

        var items = parts.Where(p => SubItem().IsMatch(p)).Select(p => Trim(SubItem().Replace(p, "", 1))).Where(m => m.Length > 0).ToList();
        return items.Count >= 2 ? items.Select(m => new ParsedMeasure(m)).ToList() : [];
    }

    // "一是…，二是…": the numbers must run 一, 二, 三… in order, or they are words ("统一是").
    private static List<ParsedMeasure> FromOrdinals(string text)
    {
        var marks = new List<Match>();
        foreach (Match m in Ordinal().Matches(text))
        {
            if (Text.ChineseNumeral(m.Groups[1].Value) == marks.Count + 1) marks.Add(m);
        }
        if (marks.Count < 2) return [];
        var measures = new List<ParsedMeasure>();
        for (var i = 0; i < marks.Count; i++)
        {
            var start = marks[i].Index;
            var end = i + 1 < marks.Count ? marks[i + 1].Index : EndOfLast(text, start);
            var measure = Trim(text[start..end]);
            if (measure.Length > 0) measures.Add(new ParsedMeasure(measure));
        }
        return measures;
    }

    // The last measure runs to the end of its sentence; a closing remark after it is not part of it.
    private static int EndOfLast(string text, int start)
    {
        var stop = text.IndexOfAny(['。', '\n'], start);
        return stop < 0 ? text.Length : stop;
    }

    private static string Trim(string measure) => measure.Trim().TrimEnd('；', ';', '，', ',', '。').Trim();
}
