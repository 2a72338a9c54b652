using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// The fields above the plan's first chapter: document number (发文字号), issue date and the plan's title.
/// </summary>
internal static partial class HeaderFields
{
    [GeneratedRegex(@"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")]
    private static partial Regex StandaloneDate();

    // 武政办〔2026〕26号, also [2026], （2026）, 【2026】 as typed or converted.
    [GeneratedRegex(@"^\s*([\u3400-\u9FFF]{1,12})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,4})\s*号\s*$")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"《([^《》]+)》")]
    private static partial Regex BookTitle();

    // A period in brackets may follow the kind: "三年行动计划（2018-2020年）".
    [GeneratedRegex(@"(方案|计划|意见|要点|办法|细则|规划|清单|分解)(（[^（）]*）)?$")]
    private static partial Regex PlanKindEnding();

    // "2018-2020年)" on its own line under the title (the page lost the opening bracket).
    [GeneratedRegex(@"^[(（]?\s*(\d{4}\s*[-—–~～至]\s*\d{4}\s*年)\s*[)）]?$")]
    private static partial Regex PeriodLine();

    // "滁州市人民政府关于2020年市政府重点工作及责任分解的通知": what the notice is about, when no line is the plan's title.
    [GeneratedRegex(@"关于(?:印发)?《?(.+?)》?的(?:通知|意见)")]
    private static partial Regex NoticeLine();

    private static string? NoticeSubject(IReadOnlyList<SourceLine> header) =>
        header.Select(l => NoticeLine().Match(l.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value is { Length: > 0 } s ? Text.Compact(s) : null;

    // "【文字解读】…方案" on a portal page: the tag is the page's, not the plan's.
    [GeneratedRegex(@"^【[^】]*】")]
    private static partial Regex PortalTag();

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"\d{4}\s*[-—–~～至]\s*\d{4}")]
    private static partial Regex YearRange();

    /// <summary>The year a title names ("镇2023年度…方案"), which phases given in months only belong to.</summary>
    public static int? YearOf(string title) =>
        Year().Match(title) is { Success: true } m && !YearRange().IsMatch(title) ? int.Parse(m.Groups[1].Value) : null;

    // Signed dates are often written in Chinese numerals: 二〇二六年三月九日.
    [GeneratedRegex(@"^\s*([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*$")]
    private static partial Regex StandaloneChineseDate();

    public static bool IsStandaloneDate(string line) => StandaloneDate().IsMatch(line) || StandaloneChineseDate().IsMatch(line);

    public static bool IsDocumentNumberLine(string line) => DocumentNumber().IsMatch(line);

    public static string? ReadDocumentNumber(IEnumerable<SourceLine> header)
    {
        foreach (var line in header)
        {
            if (DocumentNumber().Match(line.Text) is { Success: true } m)
                return $"{m.Groups[1].Value}〔{m.Groups[2].Value}〕{m.Groups[3].Value}号";
        }
        return null;
    }

    /// <summary>
    /// The date line under the issuing office's signature. The "…印发" date at the foot of the
    /// document is when the copies were printed, so it is never a standalone date and is not read.
    /// </summary>
    public static DateOnly? ReadIssuedOn(IEnumerable<SourceLine> header)
    {
        foreach (var line in header)
        {
            int y, mo, d;
            if (StandaloneDate().Match(line.Text) is { Success: true } m)
                (y, mo, d) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
            else if (StandaloneChineseDate().Match(line.Text) is { Success: true } c)
                (y, mo, d) = (ChineseYear(c.Groups[1].Value), Text.ChineseNumeral(c.Groups[2].Value), Text.ChineseNumeral(c.Groups[3].Value));
            else continue;
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DateOnly(y, mo, d);
        }
        return null;
    }

    private static int ChineseYear(string digits) =>
        digits.Aggregate(0, (year, c) => year * 10 + Math.Max(0, "零一二三四五六七八九".IndexOf(c is '〇' or '○' ? '零' : c)));

    /// <summary>
    /// The plan's own title: the run of unpunctuated lines that ends in 方案/计划/…, which PDF often
    /// splits over two lines. The name in 《》 in the notice is preferred when it is the same title,
    /// since it carries no PDF spacing.
    /// </summary>
    public static string ReadTitle(IReadOnlyList<SourceLine> header)
    {
        var runs = new List<string>();
        var run = "";
        foreach (var line in header)
        {
            var text = PortalTag().Replace(line.Text, "").Trim();
            if (run.Length > 0 && PeriodLine().Match(text) is { Success: true } period)
            {
                run += "（" + period.Groups[1].Value + "）";
                continue;
            }
            var isTitleLike = text.IndexOfAny(Text.ClausePunctuation) < 0
                && !IsStandaloneDate(text) && !IsDocumentNumberLine(text)
                && !text.EndsWith("文件") && !text.Contains("关于");
            if (isTitleLike) run += text;
            else
            {
                if (run.Length > 0) runs.Add(run);
                run = "";
            }
        }
        if (run.Length > 0) runs.Add(run);

        var standalone = runs.Select(Text.Compact).LastOrDefault(r => PlanKindEnding().IsMatch(r));
        var named = header
            .SelectMany(l => BookTitle().Matches(l.Text).Select(m => Text.Compact(m.Groups[1].Value)))
            .FirstOrDefault(n => PlanKindEnding().IsMatch(n));

        if (standalone is not null && named is not null && Text.Compact(standalone) == named) return named;
        // Without a recognisable plan name, the last unpunctuated run before the body is the title;
        // earlier runs are the letterhead and the signature.
        return standalone ?? named ?? runs.Select(Text.Compact).LastOrDefault() ?? NoticeSubject(header) ?? "";
    }
}
