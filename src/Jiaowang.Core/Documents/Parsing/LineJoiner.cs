namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Rejoins sentences that PDF extraction broke at page ends: "年发运" / blank line / "量达到 1300 列".
/// </summary>
internal static class LineJoiner
{
    /// <summary>Splits text into lines numbered as in the original; a form feed is a page break inside its line.</summary>
    public static List<SourceLine> SplitLines(string text)
    {
        var lines = new List<SourceLine>();
        var physical = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < physical.Length; i++)
        {
            foreach (var part in physical[i].Split('\f'))
            {
                var clean = AsciiDigits(part.Replace('\u3000', ' ').Replace('\u00A0', ' ').Replace("\uFEFF", "")).Trim();
                if (clean.Length > 0) lines.Add(new SourceLine(i + 1, clean));
            }
        }
        return lines;
    }

    // Some offices type full-width digits (１．, ２０２６年, ３５％); numbering and figures read the same either way.
    private static string AsciiDigits(string line) =>
        line.Any(c => c is >= '０' and <= '９' or '％')
            ? string.Concat(line.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c == '％' ? '%' : c))
            : line;

    public static List<Paragraph> Join(IReadOnlyList<SourceLine> lines)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var line in lines)
        {
            if (paragraphs.Count > 0 && Continues(paragraphs[^1], line.Text))
                paragraphs[^1].Append(line.Text, line.Line);
            else
                paragraphs.Add(new Paragraph(line.Text, line.Line));
        }
        return paragraphs;
    }

    private static bool Continues(Paragraph current, string next)
    {
        var text = current.Text;
        if (Text.IsSentenceEnd(current.Last)) return false;
        if (EndsWithResponsibilityNote(text)) return false;
        if (Headings.Classify(next).Level != HeadingLevel.None) return false;
        if (HeaderFields.IsStandaloneDate(next) || HeaderFields.IsDocumentNumberLine(next)) return false;

        // A heading is a line of its own unless it visibly breaks off after a comma.
        var level = Headings.Classify(text).Level;
        // A long heading also wraps onto a short unpunctuated line: "(三)营造…的新空间,持续提升" / "国际交往吸引力".
        if (level is HeadingLevel.Chapter or HeadingLevel.Section)
            return current.Last is ',' or '，' or '、'
                || text.Length >= 14 && !text.Contains('。') && next.Length <= 20 && next.IndexOfAny(Text.ClausePunctuation) < 0;

        // Lines without any punctuation are letterhead, titles and signatures, which PDF also
        // separates with blank lines; only prose that was cut short continues.
        return text.IndexOfAny(Text.ClausePunctuation) >= 0;
    }

    // Task paragraphs end with "(责任单位:…)" and no full stop; that closes the task.
    private static bool EndsWithResponsibilityNote(string text)
    {
        if (!Text.IsCloser(text[^1])) return false;
        var tail = text.Length > 80 ? text[^80..] : text;
        return tail.Contains("单位") || tail.Contains("牵头") || tail.Contains("负责");
    }
}
