using System.Globalization;

namespace Jiaowang.Core.Spreadsheets;

/// <summary>A bad cell (or a whole-file problem when <see cref="Row"/> is null): where, and why in the reader's language.</summary>
/// <param name="Row">The row number as Excel shows it.</param>
/// <param name="Column">The column letter, e.g. "D".</param>
/// <param name="Header">The column's header, e.g. "日期 Date".</param>
public sealed record SheetProblem(string Sheet, int? Row, string? Column, string? Header, string Message)
{
    public override string ToString() => Row is { } row
        ? SpreadsheetMessages.Format("Problem.Line", Sheet, row, $"{Column} {Header}".Trim(), Message)
        : Message;
}

public enum ReadingChangeKind
{
    /// <summary>No reading yet for this target and date.</summary>
    Added,
    /// <summary>A different value for a target and date already reported: stored as a correction.</summary>
    Changed,
    /// <summary>The same value as the reading that counts for this target and date: nothing to store.</summary>
    Unchanged,
}

/// <summary>One good row of the sheet and what importing it does.</summary>
/// <param name="Before">The value that counted for the target and date before, when there was one.</param>
public sealed record ReadingChange(int Row, SheetTarget Target, DateOnly AsOf, decimal Value, decimal? Before, string? Note, ReadingChangeKind Kind);

/// <summary>What the importer needs to know of the plan and of the stored readings.</summary>
/// <param name="Stored">The value that counts now for each (target id, date).</param>
/// <param name="IsSafeText">The platform's rule for plain text that must not carry markup or scripts.</param>
public sealed record ReadingImportContext(IReadOnlyList<SheetTarget> Targets, DateOnly SpanStart, DateOnly SpanEnd, DateOnly Today,
    IReadOnlyDictionary<(int TargetId, DateOnly AsOf), decimal> Stored, Func<string, bool> IsSafeText);

public sealed record ReadingImportResult(IReadOnlyList<ReadingChange> Changes, IReadOnlyList<SheetProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
    public int Added => Changes.Count(c => c.Kind == ReadingChangeKind.Added);
    public int Changed => Changes.Count(c => c.Kind == ReadingChangeKind.Changed);
    public int Unchanged => Changes.Count(c => c.Kind == ReadingChangeKind.Unchanged);
}

/// <summary>
/// Checks a readings workbook row by row before anything is stored: every bad cell is named (sheet, row, column, why)
/// and one bad cell refuses the file. Plain inputs, plain result: the web feature loads the context and stores the changes.
/// </summary>
public static class ReadingImport
{
    static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-dTH:mm:ss", "yyyy/M/d H:mm"];

    public static ReadingImportResult Check(Stream xlsx, ReadingImportContext context)
    {
        if (XlsxReader.TryRead(xlsx) is not { } book) return Refused(new SheetProblem("", null, null, null, SpreadsheetMessages.Format("File.NotXlsx")));
        var sheetName = book.Sheets.Keys.FirstOrDefault(n => n == ReadingSheet.Name)
                        ?? book.Sheets.Keys.FirstOrDefault(n => n.Contains("读数") || n.Contains("readings", StringComparison.OrdinalIgnoreCase));
        if (sheetName is null)
        {
            return Refused(new SheetProblem("", null, null, null,
                SpreadsheetMessages.Format("File.NoSheet", ReadingSheet.Name, string.Join("、", book.Sheets.Keys))));
        }
        var rows = book.Sheets[sheetName];
        if (rows.Count == 0) return Refused(new SheetProblem(sheetName, 1, null, null, SpreadsheetMessages.Format("File.NoHeader")));

        var header = rows[0];
        var columns = new Dictionary<int, int>(); // sheet column index → ReadingSheet column
        var headers = new Dictionary<int, string>();
        foreach (var (index, cell) in header.Cells)
        {
            if (ReadingSheet.ColumnOf(cell.Text) is { } known && !columns.ContainsValue(known))
            {
                columns[index] = known;
                headers[known] = cell.Text.Trim();
            }
        }
        var where = columns.ToDictionary(c => c.Value, c => c.Key);
        var missing = new[] { ReadingSheet.DateColumn, ReadingSheet.ValueColumn }
            .Concat(where.ContainsKey(ReadingSheet.NumberColumn) || where.ContainsKey(ReadingSheet.TargetColumn) ? [] : new[] { ReadingSheet.NumberColumn })
            .Where(c => !where.ContainsKey(c))
            .Select(c => new SheetProblem(sheetName, header.Number, null, ReadingSheet.Columns[c].Header,
                SpreadsheetMessages.Format("File.MissingColumn", ReadingSheet.Columns[c].Header)))
            .ToList();
        if (missing.Count > 0) return new([], missing);

        var byNumber = context.Targets.ToDictionary(t => t.Number);
        var byName = context.Targets.GroupBy(t => Squeeze(t.Name)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var problems = new List<SheetProblem>();
        var changes = new List<ReadingChange>();
        var seen = new Dictionary<(int, DateOnly), int>();
        foreach (var row in rows.Skip(1))
        {
            XlsxCell? Cell(int column) => where.TryGetValue(column, out var index) ? row[index] : null;
            void Problem(int column, string message) => problems.Add(new SheetProblem(sheetName, row.Number,
                XlsxWriter.ColumnLetter(where.GetValueOrDefault(column, where.GetValueOrDefault(ReadingSheet.TargetColumn))),
                headers.GetValueOrDefault(column, ReadingSheet.Columns[column].Header), message));

            var dateCell = Cell(ReadingSheet.DateColumn);
            var valueCell = Cell(ReadingSheet.ValueColumn);
            var noteCell = Cell(ReadingSheet.NoteColumn);
            // A template row left as it came (target pre-filled, nothing entered) is not a reading.
            if (IsBlank(dateCell) && IsBlank(valueCell) && IsBlank(noteCell)) continue;

            var target = FindTarget(Cell(ReadingSheet.NumberColumn), Cell(ReadingSheet.TargetColumn), byNumber, byName, Problem);

            DateOnly? date = null;
            if (IsBlank(dateCell)) Problem(ReadingSheet.DateColumn, SpreadsheetMessages.Format("Cell.DateMissing"));
            else if (ParseDate(dateCell!) is not { } d) Problem(ReadingSheet.DateColumn, SpreadsheetMessages.Format("Cell.NotDate", dateCell!.Text.Trim()));
            else if (d < context.SpanStart || d > context.SpanEnd)
                Problem(ReadingSheet.DateColumn, SpreadsheetMessages.Format("Cell.DateOutside", Iso(d), Iso(context.SpanStart), Iso(context.SpanEnd)));
            else if (d > context.Today) Problem(ReadingSheet.DateColumn, SpreadsheetMessages.Format("Cell.DateFuture", Iso(d), Iso(context.Today)));
            else date = d;

            decimal? value = null;
            if (IsBlank(valueCell)) Problem(ReadingSheet.ValueColumn, SpreadsheetMessages.Format("Cell.ValueMissing"));
            else if (ParseValue(valueCell!, target?.Measure) is not { } v)
                Problem(ReadingSheet.ValueColumn, SpreadsheetMessages.Format("Cell.NotNumber", valueCell!.Text.Trim(), target?.Measure ?? "—"));
            else if (v < 0 && target?.ChangeRate != true) Problem(ReadingSheet.ValueColumn, SpreadsheetMessages.Format("Cell.Negative"));
            else value = v;

            var note = noteCell?.Text.Trim();
            if (string.IsNullOrEmpty(note)) note = null;
            else if (note.Length > ReadingSheet.NoteMaxLength) Problem(ReadingSheet.NoteColumn, SpreadsheetMessages.Format("Cell.NoteTooLong", ReadingSheet.NoteMaxLength));
            else if (!context.IsSafeText(note)) Problem(ReadingSheet.NoteColumn, SpreadsheetMessages.Format("Cell.UnsafeNote"));
            else if (Input.TextInput.Check(note) is not Input.TextProblem.None) Problem(ReadingSheet.NoteColumn, SpreadsheetMessages.Format("Cell.BadText"));

            if (target is null || date is null || value is null) continue;
            if (seen.TryGetValue((target.Id, date.Value), out var first))
            {
                Problem(ReadingSheet.DateColumn, SpreadsheetMessages.Format("Cell.Duplicate", first));
                continue;
            }
            seen[(target.Id, date.Value)] = row.Number;
            decimal? before = context.Stored.TryGetValue((target.Id, date.Value), out var stored) ? stored : null;
            var kind = before is null ? ReadingChangeKind.Added : before == value ? ReadingChangeKind.Unchanged : ReadingChangeKind.Changed;
            // A registry-counted target's exported readings come back unchanged; anything else would overrule the count.
            if (target.FromRegistry && kind != ReadingChangeKind.Unchanged)
            {
                Problem(ReadingSheet.ValueColumn, SpreadsheetMessages.Format("Cell.Registry"));
                continue;
            }
            changes.Add(new ReadingChange(row.Number, target, date.Value, value.Value, before, note, kind));
        }
        if (problems.Count == 0 && changes.Count == 0)
            problems.Add(new SheetProblem(sheetName, null, null, null, SpreadsheetMessages.Format("File.NoRows")));
        return problems.Count > 0 ? new([], problems) : new(changes, []);
    }

    static ReadingImportResult Refused(SheetProblem problem) => new([], [problem]);

    static SheetTarget? FindTarget(XlsxCell? numberCell, XlsxCell? nameCell, Dictionary<int, SheetTarget> byNumber,
        Dictionary<string, SheetTarget> byName, Action<int, string> problem)
    {
        var name = nameCell?.Text.Trim();
        if (!IsBlank(numberCell))
        {
            var text = numberCell!.Text.Trim();
            var number = numberCell.Number is { } n && n == Math.Floor(n) ? (int?)n
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            if (number is null || !byNumber.TryGetValue(number.Value, out var target))
            {
                problem(ReadingSheet.NumberColumn, SpreadsheetMessages.Format("Cell.UnknownNumber", text));
                return null;
            }
            // The name guards against a shifted or mistyped number: both must point at the same target.
            if (!string.IsNullOrEmpty(name) && Squeeze(name) != Squeeze(target.Name))
            {
                problem(ReadingSheet.TargetColumn, SpreadsheetMessages.Format("Cell.NameMismatch", target.Number, target.Name, name));
                return null;
            }
            return target;
        }
        if (string.IsNullOrEmpty(name))
        {
            problem(ReadingSheet.NumberColumn, SpreadsheetMessages.Format("Cell.TargetMissing"));
            return null;
        }
        if (byName.TryGetValue(Squeeze(name), out var named)) return named;
        problem(ReadingSheet.TargetColumn, SpreadsheetMessages.Format("Cell.UnknownName", name));
        return null;
    }

    static bool IsBlank(XlsxCell? cell) => cell is null || string.IsNullOrWhiteSpace(cell.Text);

    static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date cell: an Excel date serial (what Excel, WPS and LibreOffice store), or text such as 2026-06-15 or 2026年6月15日.</summary>
    public static DateOnly? ParseDate(XlsxCell cell)
    {
        if (cell.Number is { } serial)
        {
            // 1 … 2958465 are the serials of 1900-01-01 … 9999-12-31; a time of day is dropped.
            return serial is >= 1 and < 2958466 ? ExcelEpoch.AddDays((int)Math.Floor(serial)) : null;
        }
        var text = Ascii(cell.Text.Trim());
        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateOnly.FromDateTime(parsed) : null;
    }

    /// <summary>
    /// A value cell: a number, or text holding one with thousands separators (1,560,000) and, optionally, the target's own
    /// unit after it (127个, 156万人次). Other words, 万 on its own included, are refused: the value is always written in the
    /// target's unit, so a number is never scaled by guess. Four decimal places are kept, as stored.
    /// </summary>
    public static decimal? ParseValue(XlsxCell cell, string? measure)
    {
        decimal? value = null;
        if (cell.Number is { } n)
        {
            value = decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact
                : double.IsFinite(n) && Math.Abs(n) < 1e15 ? (decimal)n : null;
        }
        else
        {
            var text = Ascii(cell.Text.Trim());
            if (!string.IsNullOrEmpty(measure) && text.EndsWith(Ascii(measure), StringComparison.Ordinal)) text = text[..^measure.Length].TrimEnd();
            text = text.Replace(",", "").Replace(" ", "").Replace("\u00a0", "").Replace("\u2009", "");
            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
                value = parsed;
        }
        return value is { } v ? Math.Round(v, 4) : null;
    }

    /// <summary>Full-width digits and punctuation, as a Chinese input method types them, read as ASCII.</summary>
    static string Ascii(string text) => new(text.Select(c => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '，' => ',',
        '．' or '。' => '.',
        '－' or '\u2212' => '-',
        '／' => '/',
        '　' => ' ',
        '％' => '%',
        _ => c,
    }).ToArray());
}
