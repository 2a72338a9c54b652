using Jiaowang.Core.Spreadsheets;

namespace Jiaowang.Core.Documents;

/// <summary>One row of an account sheet, with its row number in the sheet for messages.</summary>
public sealed record AccountRow(int Row, string UserName, string? DisplayName, string? Unit, string Role, string? Email, string? Phone);

/// <param name="Sheet">The sheet's name, and <paramref name="Columns"/> where each field was found (index, header as
/// written): what a message needs to name a bad cell as the person sees it in Excel.</param>
public sealed record AccountSheetResult(IReadOnlyList<AccountRow> Rows, string? Error, string Sheet = "",
    IReadOnlyDictionary<string, (int Index, string Header)>? Columns = null)
{
    /// <summary>A problem with one cell: <paramref name="field"/> is name, display, unit, role, email or phone.</summary>
    public SheetProblem Problem(int row, string field, string message) =>
        Columns?.TryGetValue(field, out var column) == true
            ? new SheetProblem(Sheet, row, XlsxWriter.ColumnLetter(column.Index), column.Header, message)
            : new SheetProblem(Sheet, row, null, null, message);
}

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
        var book = XlsxReader.TryRead(xlsx);
        var sheet = book?.FirstSheet;
        if (sheet is null) return new([], "not-xlsx");
        if (sheet.Count == 0) return new([], "empty");
        // The header is the sheet's first row, as the form lays it out.
        var header = sheet[0].Number == 1 ? sheet[0] : null;
        var columns = (header?.Cells ?? new Dictionary<int, XlsxCell>())
            .Select(c => (Key: Headers.GetValueOrDefault(c.Value.Text.Trim()), Index: c.Key)).Where(c => c.Key is not null)
            .GroupBy(c => c.Key!).ToDictionary(g => g.Key, g => g.Min(c => c.Index));
        var found = columns.ToDictionary(c => c.Key, c => (c.Value, header!.Cells[c.Value].Text.Trim()));
        if (!columns.ContainsKey("name") || !columns.ContainsKey("role")) return new([], "headers");

        string? Cell(XlsxRow row, string key) =>
            columns.TryGetValue(key, out var i) && row[i] is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;
        var rows = new List<AccountRow>();
        foreach (var row in sheet.Skip(1).Where(r => !r.IsEmpty))
        {
            var role = Cell(row, "role") ?? "";
            rows.Add(new AccountRow(row.Number, Cell(row, "name") ?? "", Cell(row, "display"), Cell(row, "unit"),
                RoleNames.GetValueOrDefault(role, role), Cell(row, "email"), Cell(row, "phone")));
        }
        return new(rows, null, book!.Names[0], found);
    }
}
