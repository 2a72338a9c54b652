using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiaowang.Core.Spreadsheets;

/// <summary>A target as the readings sheet names it: its number in the plan (1, 2, 3 … in the plan's order) and its name.</summary>
/// <param name="FromRegistry">Counted from the partner/event registry: its readings are never imported.</param>
/// <param name="ChangeRate">A growth target: its value is a change rate, negative for a fall (同比下降3.5% → −3.5).</param>
public sealed record SheetTarget(int Id, int Number, string Name, string Measure, bool FromRegistry, bool ChangeRate = false);

/// <summary>One line of the readings sheet as exported: the reading that counts for its target and date.</summary>
/// <param name="Origin">"manual" or "registry".</param>
public sealed record ReadingLine(SheetTarget Target, DateOnly AsOf, decimal Value, string Origin, string? EnteredBy, string? Note);

/// <summary>
/// The 读数 Readings sheet: one format for the export, the template and the import, so an exported workbook imports
/// again unchanged. Headers are written Chinese then English in one cell; the importer recognises either half.
/// </summary>
public static class ReadingSheet
{
    public const string Name = "读数 Readings";
    public const int NoteMaxLength = 1000;

    public const int NumberColumn = 0, TargetColumn = 1, MeasureColumn = 2, DateColumn = 3, ValueColumn = 4, OriginColumn = 5, ByColumn = 6, NoteColumn = 7;

    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("序号 No.", 8, CellKind.Number),
        new("指标 Target", 44),
        new("计量单位 Unit", 12),
        new("日期 Date", 13, CellKind.Date),
        new("数值 Value", 14, CellKind.Number),
        new("来源 Origin", 12),
        new("填报人 Entered by", 16),
        new("说明 Note", 40),
    ];

    /// <summary>The readings that count, one row per target and date, in the plan's order then by date.</summary>
    public static XlsxSheet Export(IEnumerable<ReadingLine> lines)
    {
        var sheet = new XlsxSheet(Name, Columns);
        foreach (var line in lines.OrderBy(l => l.Target.Number).ThenBy(l => l.AsOf))
        {
            sheet.Rows.Add([line.Target.Number, line.Target.Name, line.Target.Measure, line.AsOf, line.Value,
                line.Origin == "registry" ? "登记统计 registry" : "人工 manual", line.EnteredBy, line.Note]);
        }
        return sheet;
    }

    /// <summary>
    /// The template: one row per manually reported target with its number, name and unit pre-filled in grey, and empty
    /// date and value cells guarded by data validations (a date in the plan's span, a number ≥ 0).
    /// </summary>
    public static XlsxSheet Template(IEnumerable<SheetTarget> targets, DateOnly spanStart, DateOnly spanEnd)
    {
        var columns = Columns.Select((c, i) => i is NumberColumn or TargetColumn or MeasureColumn ? c with { Greyed = true } : c).ToList();
        var sheet = new XlsxSheet(Name, columns);
        foreach (var target in targets.Where(t => !t.FromRegistry).OrderBy(t => t.Number))
        {
            sheet.Rows.Add([target.Number, target.Name, target.Measure, null, null, null, null, null]);
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        // A plan without phases has no span (MinValue … MaxValue): then only the number is guarded.
        if (spanStart > DateOnly.MinValue && spanEnd < DateOnly.MaxValue)
            sheet.Validations.Add(new XlsxValidation(DateColumn, DataValidationValues.Date, DataValidationOperatorValues.Between,
            XlsxWriter.Serial(spanStart).ToString(culture), XlsxWriter.Serial(spanEnd).ToString(culture),
            "日期 Date", $"请填写 {spanStart:yyyy-MM-dd} 至 {spanEnd:yyyy-MM-dd} 之间的日期。Enter a date from {spanStart:yyyy-MM-dd} to {spanEnd:yyyy-MM-dd}."));
        // One guard for the whole column: with a growth target in the plan, its change rate may be negative (a fall of at most
        // 100 %); the import still refuses a negative count (ReadingImport.Check).
        sheet.Validations.Add(targets.Any(t => t.ChangeRate && !t.FromRegistry)
            ? new XlsxValidation(ValueColumn, DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual,
                "-100", null, "数值 Value", "请填写数字：增长率目标填同比变化率（下降为负数），其他目标不小于 0。Enter a number: the change rate for a growth target (negative for a fall), 0 or more for the others.")
            : new XlsxValidation(ValueColumn, DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual,
                "0", null, "数值 Value", "请填写不小于 0 的数字。Enter a number of 0 or more."));
        return sheet;
    }

    /// <summary>The 说明 Instructions sheet that travels with the template, in Chinese and English.</summary>
    public static XlsxSheet Instructions(string planTitle, DateOnly spanStart, DateOnly spanEnd)
    {
        var sheet = new XlsxSheet("说明 Instructions", [new XlsxColumn("说明 Instructions", 110)]) { IsTable = false };
        string[] lines =
        [
            planTitle,
            "",
            "1. 在“读数 Readings”表中，每行填写一个指标在某一日期的数值。序号、指标、计量单位已预先填好（灰色），请勿修改。",
            "   On the \"读数 Readings\" sheet, each row gives one target's value on one date. The grey number, target and unit are pre-filled: do not change them.",
            $"2. 日期：填写 {spanStart:yyyy-MM-dd} 至 {spanEnd:yyyy-MM-dd} 之间、不晚于今天的日期，如 2026-06-15。",
            $"   Date: a date from {spanStart:yyyy-MM-dd} to {spanEnd:yyyy-MM-dd}, not after today, e.g. 2026-06-15.",
            "3. 数值：只填写数字，以该行的计量单位计（如计量单位为“万人次”，156 万人次填 156）；可写千分位 1,560,000，不要写“万”等字。",
            "   Value: the number alone, counted in the row's unit (for 万人次, write 156 for 1.56 million); 1,560,000 is fine, words such as 万 are not.",
            "4. 同一指标填报多个日期时，可复制该行后修改日期；同一指标同一日期只能出现一次。留空日期和数值的行不导入。",
            "   To report several dates for a target, copy its row and change the date; a target and date may appear only once. Rows with no date and no value are skipped.",
            "5. 导入时逐行检查，任何一个单元格有误则整个文件不导入，并列出每个错误单元格（工作表、行、列、原因）。",
            "   The import checks every row: one bad cell refuses the whole file, and every bad cell is listed (sheet, row, column, why).",
            "6. 已有相同指标、日期和数值的行视为未变；数值不同的行作为更正记录（保留原值）；其余为新增。",
            "   A row equal to a stored reading is unchanged; a different value for the same target and date is recorded as a correction (the old value is kept); the rest are added.",
            "7. 由系统登记数据自动统计的指标（如友城数量）不在本模板中，其读数不能导入。",
            "   Targets counted from the registry (such as partner cities) are not in this template; their readings cannot be imported.",
            "8. 来源、填报人两列仅供查看，导入时不读取；说明列作为读数的来源说明保存。",
            "   The Origin and Entered-by columns are for reading only; the Note is stored as the reading's source.",
        ];
        foreach (var line in lines) sheet.Rows.Add([line]);
        return sheet;
    }

    /// <summary>Which column a header names, whether written "日期 Date", "日期" or "Date".</summary>
    public static int? ColumnOf(string header)
    {
        var wanted = Normalize(header);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Aliases[i].Contains(wanted)) return i;
        }
        return null;
    }

    static readonly string[][] ExtraAliases =
    [
        ["序号", "no", "no.", "number", "指标序号", "targetno."],
        ["指标", "target", "指标名称"],
        ["计量单位", "unit", "单位"],
        ["日期", "date", "截至日期", "asof"],
        ["数值", "value", "读数"],
        ["来源", "origin"],
        ["填报人", "enteredby", "recordedby"],
        ["说明", "note", "备注", "source"],
    ];

    static readonly HashSet<string>[] Aliases = Columns.Select((c, i) =>
        new HashSet<string>(ExtraAliases[i].Select(Normalize).Append(Normalize(c.Header)), StringComparer.Ordinal)).ToArray();

    static string Normalize(string header) => new string(header.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
}
