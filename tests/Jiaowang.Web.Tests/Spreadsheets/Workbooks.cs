using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Jiaowang.Web.Tests.Spreadsheets;

/// <summary>What a person does to a downloaded workbook in Excel (type into cells), and what the tests check of a file.</summary>
public static class Workbooks
{
    /// <summary>Types values into cells of one sheet: numbers as numbers, dates as date serials, text as text.</summary>
    public static byte[] Fill(byte[] xlsx, string sheetName, IReadOnlyDictionary<string, object> cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            foreach (var (reference, value) in cells)
            {
                var rowNumber = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
                var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowNumber);
                if (row is null)
                {
                    row = new Row { RowIndex = rowNumber };
                    var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < rowNumber);
                    if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
                }
                var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new Cell { CellReference = reference };
                    var next = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!) > Column(reference));
                    if (next is null) row.Append(cell); else next.InsertBeforeSelf(cell);
                }
                cell.RemoveAllChildren();
                cell.DataType = null;
                switch (value)
                {
                    case DateOnly date:
                        cell.CellValue = new CellValue((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture));
                        break;
                    case int or decimal or double:
                        cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                        break;
                    default:
                        // Typed text is stored inline by some programs, shared by others: inline here, shared in our own files.
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text((string)value));
                        break;
                }
            }
        }
        return stream.ToArray();
    }

    static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);

    /// <summary>Every cell's text of one sheet by reference (A1 …), shared strings resolved.</summary>
    public static Dictionary<string, string> Cells(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
    }

    public static IReadOnlyList<string> SheetNames(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    /// <summary>The Open XML SDK's schema and semantic checks: what Excel would call a damaged file.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>
    /// Converts one sheet to CSV with LibreOffice headless, proving real office software opens the file; null when LibreOffice
    /// is not installed. A private profile folder keeps parallel runs from fighting over the user's.
    /// </summary>
    public static async Task<string?> LibreOfficeCsvAsync(byte[] xlsx, int sheetNumber)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null) return null;
        // Debian splits LibreOffice: with only the Writer package installed, soffice cannot load a spreadsheet at all.
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(new FileInfo(soffice).ResolveLinkTarget(true)?.FullName ?? soffice)!, "libsclo.so"))
                    || File.Exists("/usr/lib/libreoffice/program/libsclo.so"),
            "LibreOffice is installed without Calc: install libreoffice-calc to open .xlsx files");
        var folder = Path.Combine(Path.GetTempPath(), $"jiaowang-lo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "export.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = first line, then the sheet to write.
            var start = new ProcessStartInfo(soffice)
            {
                ArgumentList = { $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheetNumber}", "--outdir", folder, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var csv = Directory.GetFiles(folder, "*.csv").FirstOrDefault();
            Assert.True(csv is not null, $"LibreOffice wrote no CSV: {await process.StandardError.ReadToEndAsync()}");
            return await File.ReadAllTextAsync(csv!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
