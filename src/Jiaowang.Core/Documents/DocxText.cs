using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiaowang.Core.Documents;

/// <summary>
/// The text of a Word body as the parser reads it: one line per paragraph, and one line per table row with its
/// cells separated by tabs. Merged cells are filled in (a cell merged down repeats the text above it, a cell spanning
/// columns keeps its place), and a header row Word repeats on each page comes once.
/// </summary>
internal static class DocxText
{
    public static string Of(Body body)
    {
        var lines = new List<string>();
        foreach (var element in body.Elements())
        {
            switch (element)
            {
                case Paragraph p:
                    lines.Add(TextOf(p));
                    break;
                case Table t:
                    lines.AddRange(Rows(t));
                    break;
                default:
                    lines.AddRange(element.Descendants<Paragraph>().Select(TextOf));
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    private static string TextOf(OpenXmlElement paragraph) =>
        string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Replace('\t', ' ');

    public static IEnumerable<string> Rows(Table table)
    {
        var columns = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
        var above = new Dictionary<int, string>();
        string? header = null;
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var merge = cell.TableCellProperties?.VerticalMerge;
                var text = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue)
                    ? above.GetValueOrDefault(column, "")
                    : CellText(cell);
                above[column] = text;
                cells.Add(text);
                for (var k = 1; k < span; k++) cells.Add("");
                column += span;
            }
            var line = string.Join('\t', cells).TrimEnd('\t');
            // A row spanning the whole table is a heading ("一、…") between the rows.
            if (cells.Count(c => c.Length > 0) == 1 && cells[0].Length > 0 && (columns == 0 || cells.Count >= columns)) line = cells[0];
            var isHeader = row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
            if (isHeader && header is not null) continue;
            if (line == header) continue;
            if (isHeader || header is null) header ??= line;
            yield return line;
        }
    }

    // Paragraphs of one cell: "市商务局" / "市财政局" are a list; prose wrapped by hand reads on.
    private static string CellText(TableCell cell)
    {
        var parts = cell.Elements<Paragraph>().Select(TextOf).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        var text = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (text.Length > 0 && !Parsing.Text.IsSentenceEnd(text[^1]) && text[^1] is not ('。' or '，' or ',' or '、')) text.Append('；');
            text.Append(part);
        }
        return text.ToString();
    }
}
