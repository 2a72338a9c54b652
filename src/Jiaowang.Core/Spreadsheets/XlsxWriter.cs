using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiaowang.Core.Spreadsheets;

/// <summary>How a column's cells are written: Excel, WPS and LibreOffice sort, sum and filter real numbers and dates.</summary>
public enum CellKind
{
    Text,
    Number,
    /// <summary>A <see cref="DateOnly"/> written as an Excel date serial shown as 2026-06-15.</summary>
    Date,
    /// <summary>A local <see cref="System.DateTime"/>, shown as 2026-06-15 09:30.</summary>
    DateTime,
    /// <summary>A share (0.25) shown as 25.0%.</summary>
    Percent,
}

/// <param name="Header">The header cell: Chinese first, then English, e.g. "日期 Date".</param>
/// <param name="Width">In characters, as Excel counts them (a Chinese character is about two).</param>
/// <param name="Greyed">Filled grey: pre-filled cells the user should not change (the template's target columns).</param>
public sealed record XlsxColumn(string Header, double Width, CellKind Kind = CellKind.Text, bool Greyed = false);

/// <summary>A data validation over one column's data rows: a date range or a number ≥ a minimum, with its error message.</summary>
public sealed record XlsxValidation(int Column, DataValidationValues Type, DataValidationOperatorValues Operator, string Formula1, string? Formula2,
    string ErrorTitle, string Error);

/// <summary>One worksheet: a frozen header row with an autofilter, then one row per item.</summary>
public sealed class XlsxSheet(string name, IReadOnlyList<XlsxColumn> columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<XlsxColumn> Columns { get; } = columns;
    public List<object?[]> Rows { get; } = [];
    public List<XlsxValidation> Validations { get; } = [];
    /// <summary>False for a page of prose such as the instructions: no header styling, filter or frozen row.</summary>
    public bool IsTable { get; init; } = true;
}

/// <summary>
/// Writes .xlsx workbooks with DocumentFormat.OpenXml: shared strings, a small fixed style sheet, frozen header, column
/// widths, autofilter and data validations. Kept to the parts of SpreadsheetML that Excel, WPS and LibreOffice all read.
/// </summary>
public static class XlsxWriter
{
    // Style indexes into the cellXfs written by Styles().
    const uint Header = 1, DateStyle = 2, PercentStyle = 3, GreyText = 4, DateTimeStyle = 5, Wrapped = 6;

    public static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var strings = new SharedStrings();
            var sheetList = new Sheets();
            var names = new DefinedNames();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = sheet.Name });
                if (sheet.IsTable && sheet.Columns.Count > 0)
                {
                    // LibreOffice finds the filtered range through this hidden name; Excel writes it too.
                    names.Append(new DefinedName(FilterRange(sheet, absolute: true)) { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true });
                }
                sheetId++;
            }
            workbookPart.Workbook.Append(new BookViews(new WorkbookView()));
            workbookPart.Workbook.Append(sheetList);
            if (names.HasChildren) workbookPart.Workbook.Append(names);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = strings.Table;
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The serial number Excel stores for a date (days since 1899-12-30).</summary>
    public static double Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    static string QuotedName(XlsxSheet sheet) => "'" + sheet.Name.Replace("'", "''") + "'";

    static string FilterRange(XlsxSheet sheet, bool absolute)
    {
        var last = ColumnLetter(sheet.Columns.Count - 1);
        var lastRow = Math.Max(1, sheet.Rows.Count + 1);
        return absolute ? $"{QuotedName(sheet)}!$A$1:${last}${lastRow}" : $"A1:{last}{lastRow}";
    }

    static Worksheet Worksheet(XlsxSheet sheet, SharedStrings strings)
    {
        var worksheet = new Worksheet();
        if (sheet.IsTable)
        {
            var pane = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
            worksheet.Append(new SheetViews(new SheetView(pane, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0 }));
        }
        else
        {
            worksheet.Append(new SheetViews(new SheetView { WorkbookViewId = 0 }));
        }
        var columns = new Columns();
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.Columns[i].Width, CustomWidth = true });
        }
        if (columns.HasChildren) worksheet.Append(columns);

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            header.Append(TextCell(i, 1, sheet.Columns[i].Header, strings, sheet.IsTable ? Header : Wrapped));
        }
        data.Append(header);
        uint rowIndex = 2;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var i = 0; i < sheet.Columns.Count && i < values.Length; i++)
            {
                if (ValueCell(i, rowIndex, sheet.Columns[i], values[i], strings, sheet.IsTable) is { } cell) row.Append(cell);
            }
            data.Append(row);
            rowIndex++;
        }
        worksheet.Append(data);
        if (sheet.IsTable && sheet.Columns.Count > 0) worksheet.Append(new AutoFilter { Reference = FilterRange(sheet, absolute: false) });
        if (sheet.Validations.Count > 0)
        {
            var validations = new DataValidations { Count = (uint)sheet.Validations.Count };
            var lastRow = Math.Max(2, sheet.Rows.Count + 1) + 500; // room for rows the user adds below the template's
            foreach (var v in sheet.Validations)
            {
                var letter = ColumnLetter(v.Column);
                var validation = new DataValidation
                {
                    Type = v.Type, Operator = v.Operator, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = v.ErrorTitle, Error = v.Error,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{lastRow}" },
                };
                validation.Append(new Formula1(v.Formula1));
                if (v.Formula2 is not null) validation.Append(new Formula2(v.Formula2));
                validations.Append(validation);
            }
            worksheet.Append(validations);
        }
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    static Cell? ValueCell(int column, uint row, XlsxColumn spec, object? value, SharedStrings strings, bool table)
    {
        var reference = ColumnLetter(column) + row;
        uint? grey = spec.Greyed ? GreyText : null;
        switch (value)
        {
            case null:
                return spec.Greyed ? new Cell { CellReference = reference, StyleIndex = GreyText } : null;
            case string text when text.Length == 0:
                return spec.Greyed ? new Cell { CellReference = reference, StyleIndex = GreyText } : null;
            case string text:
                return TextCell(column, row, text, strings, grey ?? (table ? 0u : Wrapped));
            case DateOnly date:
                return NumberCell(reference, Serial(date).ToString(System.Globalization.CultureInfo.InvariantCulture), DateStyle);
            case DateTime local:
                return NumberCell(reference, local.ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture), DateTimeStyle);
            case bool flag:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
            case decimal or double or int or long:
                var number = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                // 18.0000 as stored by the database is written 18: the same text a person would type.
                return NumberCell(reference, number.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
                    spec.Kind == CellKind.Percent ? PercentStyle : grey ?? 0u);
            default:
                return TextCell(column, row, value.ToString() ?? "", strings, grey ?? 0u);
        }
    }

    static Cell NumberCell(string reference, string value, uint style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };

    static Cell TextCell(int column, uint row, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = ColumnLetter(column) + row, DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.Index(text).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        StyleIndex = style == 0 ? null : style,
    };

    static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0%" }) { Count = 3 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }, new FontName { Val = "等线" })) { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 4 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
                { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 3, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true }) { Count = 7 };
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }

    sealed class SharedStrings
    {
        readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        public SharedStringTable Table { get; } = new();

        public int Index(string text)
        {
            // Text stored before the input rule (or by hand) may hold characters XML cannot: drop them, never fail the file.
            text = Jiaowang.Core.Input.TextInput.StripInvalid(text);
            if (indexes.TryGetValue(text, out var index)) return index;
            index = indexes.Count;
            indexes[text] = index;
            // Leading or trailing spaces and line breaks survive only with xml:space="preserve".
            Table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            return index;
        }
    }
}
