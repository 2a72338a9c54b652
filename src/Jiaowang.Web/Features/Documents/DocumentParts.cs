using System.Globalization;
using Jiaowang.Core.Documents.Word;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;

namespace Jiaowang.Web.Features.Documents;

/// <summary>
/// Pieces the bulletin and the summary share. The documents are official Chinese documents (GB/T 9704 is a Chinese
/// standard and the council reads them in Chinese), so their words are Chinese whatever the requester's language; the
/// web pages and error messages around them follow the request.
/// </summary>
static class DocumentParts
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    public static string Month(DateOnly month) => $"{month.Year}年{month.Month}月";

    public static string Number(decimal value) => value.ToString("#,0.####", Invariant);

    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.0", Invariant) + "%" : "—";

    public static string StatusName(Status status) => status switch
    {
        Status.Done => "已完成",
        Status.OnTrack => "正常推进",
        Status.AtRisk => "存在风险",
        _ => "进度滞后",
    };

    public static string RoleName(AssignmentRole role) => role == AssignmentRole.Lead ? "牵头" : "配合";

    /// <summary>
    /// The targets table: number, metric, target, value on the day, completion ratio (value ÷ target) and status,
    /// one table per target group under a （一） heading.
    /// </summary>
    public static void TargetsTable(OfficialDocument document, PlanRecord plan, DateOnly day, string valueHeader)
    {
        var ordinal = 0;
        foreach (var group in plan.Targets.GroupBy(t => t.Group))
        {
            document.Heading2($"（{ChineseNumber(++ordinal)}）{group.Key}");
            var rows = group.Select((t, i) =>
            {
                var assessment = plan.Assess(t, day);
                var value = t.ValueOn(day);
                // 左右 (about) and 以上 (at least) belong after the figure, as the plan writes them.
                // A decline says so: 下降3%, and the value column shows the signed change (−3.5%).
                var target = (t.Rule.WantsDecline ? "下降" : "") + Number(t.Value) + t.Measure
                             + (t.Qualifier?.Contains("左右") == true ? "左右" : t.Qualifier?.Contains("以上") == true ? "以上" : "");
                return (IReadOnlyList<string>)
                [
                    (i + 1).ToString(Invariant), t.Metric, target, value is { } v ? Number(v) + t.Measure : "—",
                    Percent(assessment.ValueProgress), StatusName(assessment.Status),
                ];
            }).ToList();
            document.Table(["序号", "指标", "目标", valueHeader, "完成率", "状态"], rows, [4, 12, 7, 7, 6, 7], new HashSet<int> { 0, 2, 3, 4, 5 });
        }
    }

    /// <summary>A unit's report under a task: the unit's name and role in bold, then the report's paragraphs.</summary>
    public static void UnitReport(OfficialDocument document, UnitPart unit, string? label, string html)
    {
        var lead = new List<TextRun> { new($"{(unit.GroupName is { } g ? g + "·" : "")}{unit.Name}（{RoleName(unit.Role)}{(label is null ? "" : "，" + label)}）：", Bold: true) };
        document.Blocks(RichTextBlocks.Parse(html), lead);
    }

    /// <summary>一 … 十九, for headings and 第…项.</summary>
    public static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        if (n < 10) return digits[n];
        if (n < 20) return "十" + (n % 10 == 0 ? "" : digits[n % 10]);
        return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }

    /// <summary>Units named with a count each: 市商务局（3件）、市文旅局（1件）.</summary>
    public static string UnitCounts(IEnumerable<(string Unit, int Count)> units) =>
        string.Join("、", units.Select(u => $"{u.Unit}（{u.Count}件）"));

    /// <summary>A file name without characters Windows refuses in one.</summary>
    public static string FileName(string text) =>
        new(text.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c is not ('\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray());
}
