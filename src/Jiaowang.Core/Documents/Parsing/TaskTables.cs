using System.Text;
using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Task tables (序号 / 任务 / 牵头单位 / 配合单位 / 完成时限), whether each cell came on a line of its own (copied
/// from a PDF or Word, or from a web page that closes each cell with " |"), a row came as one line with its cells
/// separated by tabs or " | " (how a .docx table is read), or a row came as one line with its cells separated by
/// single spaces and wrapping onto the next lines (a web table copied as text).
/// Each row is rewritten as the numbered item with a responsibility note the rest of the parser reads:
/// "3.任务（牵头单位：A；配合单位：B、C；完成时限：2025年6月底前）", on the line the row started.
/// </summary>
internal static partial class TaskTables
{
    private enum Column { Number, Task, Lead, Co, Responsible, Deadline, Other }

    /// <summary>How the table's cells came out as text.</summary>
    private enum Layout
    {
        /// <summary>One cell a line (a PDF, or a web page closing each cell with " |").</summary>
        CellALine,
        /// <summary>One row a line, cells separated by tabs or " | " (a .docx table).</summary>
        Tabbed,
        /// <summary>One row a line from its number, cells separated by single spaces; a cell holding several
        /// paragraphs wraps the row onto the next lines (a web table copied as text).</summary>
        Spaced,
    }

    [GeneratedRegex(@"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"\t|\s{2,}|\s*\|\s*")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^(?:\d{4}\s*年|\d{1,2}\s*月|\d{4}[-./]\d{1,2}|长期|持续|常态化|年底|年内|全年|每年|每季度|每月|每半年|上半年|下半年|\d{4}\s*[-—–至]\s*\d{4}\s*年)")]
    private static partial Regex DeadlineCell();

    [GeneratedRegex(@"(?:局|委|办|厅|部|部门|院|会|处|室|科|中心|政府|管委会|公司|集团|街道|办事处|镇|乡|所|站|队|行|社|团|署|馆|协会|联合会|海关|法院|检察院|各单位|专班|银行|园区|园|大学|学校|医院|分局|支队)$")]
    private static partial Regex UnitEnding();

    // "— 3 —", "-4-", "第 2 页": page marks between the rows of a table that crossed a page.
    [GeneratedRegex(@"^(?:[—\-－–]\s*\d+\s*[—\-－–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")]
    private static partial Regex PageMark();

    public static List<SourceLine> Rewrite(List<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count);
        var i = 0;
        var sawChapter = false;
        while (i < lines.Count)
        {
            if (TryHeader(lines, i, out var columns, out var headerEnd, out var layout))
            {
                if (!sawChapter)
                {
                    // A plan that is only its table still needs a chapter for the parser to read its rows.
                    result.Add(new SourceLine(lines[i].Line, "一、" + Caption(lines, i)));
                    sawChapter = true;
                }
                i = layout == Layout.Tabbed ? ReadTabbedRows(lines, headerEnd, columns, result)
                    : ReadCellRows(lines, headerEnd, columns, result, spaced: layout == Layout.Spaced);
                continue;
            }
            if (Headings.Classify(lines[i].Text).Level == HeadingLevel.Chapter) sawChapter = true;
            result.Add(lines[i]);
            i++;
        }
        return result;
    }

    private static Column? HeaderWord(string cell)
    {
        var c = Regex.Replace(cell, @"\s", "");
        if (c.Length is 0 or > 10) return null;
        if (c is "序号" or "编号" or "序") return Column.Number;
        if (Regex.IsMatch(c, "领导|联系人|责任人|备注|说明|类别|领域|方面|序时|进度情况|完成情况|指标值|目标值")) return Column.Other;
        // 主要责任单位 / 牵头责任单位 lead; 协同配合单位 / 协同责任单位 support.
        if (Regex.IsMatch(c, "^(?:牵头|主办|主责|主要)(?:责任)?(?:单位|部门)")) return Column.Lead;
        if (Regex.IsMatch(c, "^(?:配合|协办|参与|协同|会办)(?:配合|责任)?(?:单位|部门)")) return Column.Co;
        if (Regex.IsMatch(c, "^(?:责任|承办|实施|落实)(?:单位|部门|主体)$")) return Column.Responsible;
        if (Regex.IsMatch(c, "时限|时间节点|完成时间|完成期限|时间安排|进度安排|时间要求")) return Column.Deadline;
        if (Regex.IsMatch(c, "任务|措施|内容|事项|举措|重点工作|工作要点|工作目标|具体工作|实事|项目")) return Column.Task;
        return null;
    }

    private static bool Usable(List<Column> columns) =>
        columns.Count >= 3 && columns.Contains(Column.Task)
        && (columns.Contains(Column.Lead) || columns.Contains(Column.Responsible));

    private static bool TryHeader(List<SourceLine> lines, int at, out List<Column> columns, out int end, out Layout layout)
    {
        end = at;
        layout = Layout.CellALine;
        columns = [];
        var cells = CellSeparator().Split(lines[at].Text).Where(c => c.Trim().Length > 0).ToList();
        if (cells.Count >= 3 || cells.Count == 1 && SpacedHeader(lines[at].Text) is not null)
        {
            var spaced = cells.Count < 3;
            var words = spaced ? SpacedHeader(lines[at].Text)! : cells.Select(HeaderWord).ToList();
            if (words.All(w => w is not null) && Usable(columns = words.Select(w => w!.Value).ToList()))
            {
                (end, layout) = (at + 1, spaced ? Layout.Spaced : Layout.Tabbed);
                return true;
            }
            return false;
        }

        // One header cell a line; "序" and "号" may come apart.
        columns = [];
        var j = at;
        while (j < lines.Count)
        {
            var text = CellText(lines[j].Text);
            if (text == "序" && j + 1 < lines.Count && CellText(lines[j + 1].Text) == "号") { columns.Add(Column.Number); j += 2; continue; }
            if (HeaderWord(text) is not { } word) break;
            columns.Add(word);
            j++;
        }
        if (!Usable(columns) || columns.Count < 3) return false;
        end = j;
        return true;
    }

    /// <summary>"序号 重点工作任务 主要责任单位 协同配合单位": header words separated by single spaces, or null.</summary>
    private static List<Column?>? SpacedHeader(string line)
    {
        var words = line.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words.All(w => HeaderWord(w) is not null) ? words.Select(HeaderWord).ToList() : null;
    }

    /// <summary>A cell on a line of its own, without the " |" a web page closed it with.</summary>
    private static string CellText(string line) => line.Trim().Trim('|').Trim();

    /// <summary>The cells of a row on one line: between tabs, or between "|" when the page drew them.</summary>
    private static List<string> RowCells(string line)
    {
        if (line.Contains('\t') || !line.Contains('|')) return line.Split('\t').Select(c => c.Trim()).ToList();
        var inner = line.Trim();
        if (inner.StartsWith('|')) inner = inner[1..];
        if (inner.EndsWith('|')) inner = inner[..^1];
        return inner.Split('|').Select(c => c.Trim()).ToList();
    }

    private static string Caption(List<SourceLine> lines, int header)
    {
        for (var k = header - 1; k >= 0 && k >= header - 3; k--)
        {
            var text = lines[k].Text;
            if (!Headings.IsAttachmentMark(text) && text.IndexOfAny(['。', '：', ':']) < 0 && text.Length <= 40) return text;
        }
        return "重点任务";
    }

    private static int ReadTabbedRows(List<SourceLine> lines, int at, List<Column> columns, List<SourceLine> result)
    {
        var number = 0;
        Dictionary<Column, List<string>>? last = null;
        var header = lines[at - 1].Text;
        for (; at < lines.Count; at++)
        {
            var line = lines[at];
            if (line.Text == header || PageMark().IsMatch(line.Text)) continue; // the header repeated on a new page
            var cells = RowCells(line.Text);
            if (cells.Count < 2)
            {
                if (Headings.IsAttachmentMark(line.Text) || Headings.Classify(line.Text).Level is HeadingLevel.None) return at;
                result.Add(line); // a group heading across the whole row: "一、…"
                last = null;
                continue;
            }
            var row = new Dictionary<Column, List<string>>();
            for (var k = 0; k < Math.Min(cells.Count, columns.Count); k++)
            {
                if (cells[k].Length == 0) continue;
                if (!row.TryGetValue(columns[k], out var list)) row[columns[k]] = list = [];
                list.Add(cells[k]);
            }
            if (last is not null && row.TryGetValue(Column.Number, out var n) && RowNumber().IsMatch(n[0]) && Numeral(n[0]) == number)
            {
                // The 序号 cell merged over two rows (Word repeats it in each): the second row is more of the same
                // task, often with a deadline of its own; cells merged down too (the unit) are not repeated.
                foreach (var (column, parts) in row.Where(c => c.Key is not Column.Number))
                {
                    if (!last.TryGetValue(column, out var kept)) last[column] = kept = [];
                    kept.AddRange(parts.Where(p => !kept.Contains(p)));
                }
                result[^1] = result[^1] with { Text = Item(number, last, separateCells: true) };
                continue;
            }
            number = NumberOf(row, number);
            result.Add(new SourceLine(line.Line, Item(number, row, separateCells: true)));
            last = row;
        }
        return at;
    }

    /// <param name="spaced">Rows start with their number on a line whose cells are separated by single spaces.</param>
    private static int ReadCellRows(List<SourceLine> lines, int at, List<Column> columns, List<SourceLine> result, bool spaced = false)
    {
        var number = 0;
        var cells = new List<string>();
        var rowLine = -1;
        List<string>? deadline = null;
        for (; at < lines.Count; at++)
        {
            var text = CellText(lines[at].Text);
            if (text.Length == 0 || PageMark().IsMatch(text)) continue;
            if (Headings.IsAttachmentMark(text) || HeaderFields.IsStandaloneDate(text)) break;
            if (TryHeader(lines, at, out _, out var repeatedEnd, out _))
            {
                // The header repeated on the next page.
                at = repeatedEnd - 1;
                continue;
            }
            // Spaced rows: "2 一般公共预算收入增长5%左右。 区财政局" starts row 2 with two of its cells.
            var parts = spaced && Headings.Classify(text).Level is HeadingLevel.None
                ? text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList() : [text];
            if (RowNumber().IsMatch(parts[0]) && (rowLine < 0 || Numeral(parts[0]) == number + 1) && (parts.Count > 1 || !spaced))
            {
                Flush();
                number = Numeral(parts[0]);
                rowLine = lines[at].Line;
                cells.AddRange(parts.Skip(1));
                continue;
            }
            var level = Headings.Classify(text).Level;
            // A group row across the table ("二、提升…") ends the row above; "（一）" only where no cell has begun.
            if (level == HeadingLevel.Chapter || level == HeadingLevel.Section && cells.Count == 0)
            {
                Flush();
                deadline = null;
                result.Add(lines[at]);
                continue;
            }
            if (rowLine < 0) break; // prose after the table
            cells.AddRange(parts);
        }
        Flush();
        return at;

        void Flush()
        {
            if (rowLine >= 0 && cells.Count > 0)
            {
                var row = Assign(cells, columns);
                // A deadline cell merged over several rows is copied once: the rows below it share it.
                if (row.TryGetValue(Column.Deadline, out var due)) deadline = due;
                else if (deadline is not null) row[Column.Deadline] = deadline;
                result.Add(new SourceLine(rowLine, Item(number, row, separateCells: false)));
            }
            cells.Clear();
            rowLine = -1;
        }
    }

    private static int Numeral(string text) => char.IsAsciiDigit(text[0]) ? int.Parse(text) : Text.ChineseNumeral(text);

    private static int NumberOf(Dictionary<Column, List<string>> row, int previous) =>
        row.TryGetValue(Column.Number, out var n) && RowNumber().IsMatch(n[0]) ? Numeral(n[0]) : previous + 1;

    /// <summary>Cells of one row, in order, given to their columns by what they look like when some are missing or wrapped.</summary>
    private static Dictionary<Column, List<string>> Assign(List<string> cells, List<Column> columns)
    {
        var row = new Dictionary<Column, List<string>>();
        var wanted = columns.Where(c => c is not Column.Number).ToList();
        if (cells.Count == wanted.Count)
        {
            for (var k = 0; k < cells.Count; k++) Add(wanted[k], cells[k]);
            return row;
        }
        var unitColumns = wanted.Where(c => c is Column.Lead or Column.Co or Column.Responsible).ToList();
        var isDeadline = cells.Select(c => wanted.Contains(Column.Deadline) && c.Length <= 30 && DeadlineCell().IsMatch(c)).ToList();
        var isUnits = cells.Select((c, k) => !isDeadline[k] && LooksLikeUnits(c)).ToList();
        cells = JoinSplitUnitCells(cells, isUnits, isDeadline, unitColumns.Count);
        var unitIndex = 0;
        for (var k = 0; k < cells.Count; k++)
        {
            if (isDeadline[k]) Add(Column.Deadline, cells[k]);
            else if (isUnits[k] && unitIndex < unitColumns.Count) Add(unitColumns[unitIndex++], cells[k]);
            else Add(Column.Task, cells[k]);
        }
        return row;

        void Add(Column column, string cell)
        {
            if (!row.TryGetValue(column, out var list)) row[column] = list = [];
            list.Add(cell);
        }
    }

    /// <summary>
    /// A cell listing its units one a paragraph ("区财政局" / "区税务局") comes out as several lines: when a row has
    /// more unit cells than unit columns, neighbouring single names are joined into one list, the first run first.
    /// (Which cell several single names belonged to cannot be told when every unit cell is a single name.)
    /// </summary>
    private static List<string> JoinSplitUnitCells(List<string> cells, List<bool> isUnits, List<bool> isDeadline, int unitColumns)
    {
        var joined = cells.ToList();
        var excess = isUnits.Count(u => u) - unitColumns;
        var k = 0;
        var run = false; // joined[k] is already a run of single names joined here
        while (excess > 0 && k + 1 < joined.Count)
        {
            if (isUnits[k] && isUnits[k + 1] && (run || SingleName(joined[k].TrimEnd('。'))) && SingleName(joined[k + 1].TrimEnd('。')))
            {
                joined[k] = joined[k].TrimEnd('。') + "、" + joined[k + 1];
                joined.RemoveAt(k + 1);
                isUnits.RemoveAt(k + 1);
                isDeadline.RemoveAt(k + 1);
                excess--;
                run = true;
            }
            else (k, run) = (k + 1, false);
        }
        return joined;

        static bool SingleName(string cell) => cell.IndexOfAny(['、', ',', '，', ';', '；', ' ']) < 0;
    }

    /// <summary>A list of names of bodies ("市商务局、各区人民政府", a list of several even when closed by a full
    /// stop), not prose: "办好中国（某市）国际友城博览会。" is a sentence.</summary>
    public static bool LooksLikeUnits(string cell)
    {
        if (cell.EndsWith('。') && Text.SplitTopLevel(cell, c => c is '、' or ',' or '，').Count() > 1) cell = cell.TrimEnd('。');
        if (cell.Length > 120 || cell.Contains('。')) return false;
        var parts = Text.SplitTopLevel(cell, c => c is '、' or ',' or '，' or ';' or '；' or ' ').Select(p => Regex.Replace(p.Part, "等$|牵头$|[(（]牵头[)）]$", "")).ToList();
        return parts.Count > 0 && parts.All(p => p.Length is >= 2 and <= 30 && (UnitEnding().IsMatch(p) || p.StartsWith('各')));
    }

    /// <param name="separateCells">The task's parts are cells of their own (a title and a measures column), not the
    /// wrapped lines of one cell, so a sentence ends between them.</param>
    private static string Item(int number, Dictionary<Column, List<string>> row, bool separateCells)
    {
        var text = new StringBuilder();
        foreach (var part in row.GetValueOrDefault(Column.Task) ?? [])
        {
            if (separateCells && text.Length > 0 && !Text.IsSentenceEnd(text[^1]) && text[^1] != '。') text.Append('。');
            text.Append(part);
        }
        var note = new List<string>();
        Label(Column.Lead, "牵头单位");
        Label(Column.Responsible, "责任单位");
        Label(Column.Co, "配合单位");
        Label(Column.Deadline, "完成时限");
        var body = text.ToString().TrimEnd('。', '；', ';');
        return note.Count == 0 ? $"{number}.{body}。" : $"{number}.{body}。（{string.Join("；", note)}）";

        void Label(Column column, string label)
        {
            if (row.TryGetValue(column, out var cells) && cells.Count > 0)
                note.Add(label + "：" + string.Join(column == Column.Deadline ? "，" : "、", cells.Select(c => c.Trim('。', '；', ';'))));
        }
    }
}
