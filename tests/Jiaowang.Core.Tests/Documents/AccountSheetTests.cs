using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests.Documents;

public sealed class AccountSheetTests
{
    /// <summary>An .xlsx with shared strings, as Excel writes it.</summary>
    public static MemoryStream Build(params string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] == "") continue;
                    strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(rows[r][c])));
                    row.AppendChild(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.SharedString,
                        CellValue = new CellValue((strings.SharedStringTable.Count() - 1).ToString()),
                    });
                }
                data.AppendChild(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "账号" }));
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Rows_are_read_by_their_chinese_headers_in_any_order_with_chinese_role_names()
    {
        using var sheet = Build(
            ["单位", "用户名", "角色", "邮箱", "电话"],
            ["市交通运输局", "jtj-li", "联络员", "li@wuhan.test", "027-1"],
            ["", "", "", "", ""],
            ["", "wb-zhang", "office", "", ""]);

        var result = AccountSheet.Read(sheet);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(new AccountRow(2, "jtj-li", null, "市交通运输局", "liaison", "li@wuhan.test", "027-1"), result.Rows[0]);
        Assert.Equal((4, "wb-zhang", "office", (string?)null), (result.Rows[1].Row, result.Rows[1].UserName, result.Rows[1].Role, result.Rows[1].Unit));
    }

    [Fact]
    public void A_sheet_without_name_and_role_columns_or_a_file_that_is_not_xlsx_says_so()
    {
        using var sheet = Build(["单位", "邮箱"], ["市商务局", "x@y"]);
        Assert.Equal("headers", AccountSheet.Read(sheet).Error);
        Assert.Equal("not-xlsx", AccountSheet.Read(new MemoryStream("not a workbook"u8.ToArray())).Error);
    }
}
