using MiniExcelLibs;

namespace Jiaowang.Web.Tests.AccountAdmin;

/// <summary>The office's account sheet, written with MiniExcel as the project writes its own spreadsheets.</summary>
public static class AccountSheets
{
    /// <summary>One liaison row: user name, name, unit, role (Chinese headers, as the office's form has them).</summary>
    public sealed record Row(string UserName, string DisplayName, string Unit, string Role = "联络员");

    public static byte[] Write(IEnumerable<Row> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object>
        {
            ["用户名"] = r.UserName, ["姓名"] = r.DisplayName, ["单位"] = r.Unit, ["角色"] = r.Role,
        }), printHeader: true, sheetName: "账号", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Forty liaisons for units of the Wuhan plan, named <c>{prefix}-01</c> …</summary>
    public static List<Row> Liaisons(string prefix, IReadOnlyList<string> units) =>
        Enumerable.Range(1, 40).Select(i => new Row($"{prefix}-{i:00}", $"联络员{i}", units[i % units.Count])).ToList();
}
