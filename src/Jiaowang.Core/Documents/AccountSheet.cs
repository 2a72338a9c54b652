using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jiaowang.Core.Documents;

/// <summary>One row of an account sheet, with its row number in the sheet for messages.</summary>
public sealed record AccountRow(int Row, string UserName, string? DisplayName, string? Unit, string Role, string? Email, string? Phone);

public sealed record AccountSheetResult(IReadOnlyList<AccountRow> Rows, string? Error);

/// <summary>
/// Reads the office's account list (name, unit, role, email, phone) from the first sheet of an .xlsx file. Headers may be
/// Chinese or English in any order; roles may be written in Chinese (联络员, 办公室 …).
/// </summary>
public static class AccountSheet
{
    static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["用户名"] = "name", ["账号"] = "name", ["登录名"] = "name", ["name"] = "name", ["username"] = "name", ["login"] = "name",
        ["姓名"] = "display", ["displayname"] = "display", ["full name"] = "display",
        ["单位"] = "unit", ["unit"] = "unit",
        ["角色"] = "role", ["role"] = "role",
        ["邮箱"] = "email", ["电子邮箱"] = "email", ["email"] = "email",
        ["电话"] = "phone", ["手机"] = "phone", ["phone"] = "phone",
    };

    static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["联络员"] = "liaison", ["单位联络员"] = "liaison", ["办公室"] = "office", ["领导"] = "leader", ["委员"] = "member",
        ["政协委员"] = "member", ["管理员"] = "admin", ["系统管理员"] = "admin",
    };

    public static AccountSheetResult Read(Stream xlsx)
    {
        List<List<string>> cells;
        try
        {
            cells = ReadFirstSheet(xlsx);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException)
        {
            return new([], "not-xlsx");
        }
        if (cells.Count == 0) return new([], "empty");
        var columns = cells[0].Select((h, i) => (Key: Headers.GetValueOrDefault(h.Trim()), Index: i)).Where(c => c.Key is not null)
            .GroupBy(c => c.Key!).ToDictionary(g => g.Key, g => g.First().Index);
        if (!columns.ContainsKey("name") || !columns.ContainsKey("role")) return new([], "headers");

        string? Cell(List<string> row, string key) =>
            columns.TryGetValue(key, out var i) && i < row.Count && !string.IsNullOrWhiteSpace(row[i]) ? row[i].Trim() : null;
        var rows = new List<AccountRow>();
        for (var r = 1; r < cells.Count; r++)
        {
            var row = cells[r];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var role = Cell(row, "role") ?? "";
            rows.Add(new AccountRow(r + 1, Cell(row, "name") ?? "", Cell(row, "display"), Cell(row, "unit"),
                RoleNames.GetValueOrDefault(role, role), Cell(row, "email"), Cell(row, "phone")));
        }
        return new(rows, null);
    }

    /// <summary>The first sheet's cells as text, row by row, with gaps for empty cells.</summary>
    static List<List<string>> ReadFirstSheet(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var values = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
                while (values.Count < column) values.Add("");
                var raw = cell.CellValue?.InnerText ?? cell.InlineString?.InnerText ?? "";
                values.Add(cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var s) && s < shared.Count ? shared[s] : raw);
            }
            var index = (int)(row.RowIndex?.Value ?? (uint)(result.Count + 1)) - 1;
            while (result.Count < index) result.Add([]);
            result.Add(values);
        }
        return result;
    }

    static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
