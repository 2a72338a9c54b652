using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiaowang.Core.Spreadsheets;

/// <summary>One non-empty cell as stored: its text, and its number when the cell holds a number (a date is a number too).</summary>
public sealed record XlsxCell(string Text, double? Number);

/// <summary>A row as the user sees it: <see cref="Number"/> is the row number Excel shows, cells by column index.</summary>
public sealed record XlsxRow(int Number, IReadOnlyDictionary<int, XlsxCell> Cells)
{
    public XlsxCell? this[int column] => Cells.GetValueOrDefault(column);
    public bool IsEmpty => Cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text));
}

/// <summary>The sheets of a workbook by name, each as its rows (empty rows left out), and their names in tab order.</summary>
public sealed record XlsxBook(IReadOnlyDictionary<string, IReadOnlyList<XlsxRow>> Sheets, IReadOnlyList<string> Names)
{
    /// <summary>The leftmost sheet, which is what a single-sheet form is read from; null in a workbook without sheets.</summary>
    public IReadOnlyList<XlsxRow>? FirstSheet => Names.Count == 0 ? null : Sheets[Names[0]];
}

/// <summary>Reads .xlsx values with DocumentFormat.OpenXml, whichever program saved the file (Excel, WPS, LibreOffice).</summary>
public static class XlsxReader
{
    /// <summary>The workbook's values, or null when the stream is not an .xlsx workbook at all.</summary>
    public static XlsxBook? TryRead(Stream xlsx)
    {
        try
        {
            return Read(xlsx);
        }
        // The file is whatever the user uploaded: a truncated zip, a renamed .xls or a broken part throws from deep inside
        // System.IO.Packaging or the XML reader with many exception types, and each means the same to the user.
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return null;
        }
    }

    static XlsxBook Read(Stream xlsx)
    {
        // OpenXml needs a seekable stream; an upload is read once into memory (the request size is limited).
        using var copy = new MemoryStream();
        xlsx.CopyTo(copy);
        copy.Position = 0;
        using var document = SpreadsheetDocument.Open(copy, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, IReadOnlyList<XlsxRow>>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
            if (sheets.TryAdd(name, Rows(part, shared))) names.Add(name);
        }
        return new XlsxBook(sheets, names);
    }

    static List<XlsxRow> Rows(WorksheetPart part, List<string> shared)
    {
        var rows = new List<XlsxRow>();
        var previous = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? (uint)(previous + 1));
            previous = number;
            var cells = new Dictionary<int, XlsxCell>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? next;
                next = column + 1;
                if (Value(cell, shared) is { } value && value.Text.Length > 0) cells[column] = value;
            }
            if (cells.Count > 0) rows.Add(new XlsxRow(number, cells));
        }
        return rows;
    }

    static XlsxCell? Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.InnerText;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < shared.Count ? new XlsxCell(shared[s], null) : null;
        if (type == CellValues.InlineString) return new XlsxCell(cell.InlineString?.InnerText ?? "", null);
        if (type == CellValues.String || type == CellValues.Error) return new XlsxCell(raw ?? "", null);
        if (type == CellValues.Boolean) return new XlsxCell(raw == "1" ? "TRUE" : "FALSE", null);
        if (raw is null) return null;
        if (type == CellValues.Date)
        {
            // Strict OOXML (and some exporters) store ISO dates instead of serials.
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new XlsxCell(raw, d.ToOADate()) : new XlsxCell(raw, null);
        }
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? new XlsxCell(raw, n) : new XlsxCell(raw, null);
    }

    static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
