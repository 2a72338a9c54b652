using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>The office opens accounts in bulk from an Excel sheet through the page.</summary>
public sealed class AccountImportTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    static byte[] Sheet(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            // Inline strings: the other way Excel-compatible writers store text.
            sheetPart.Worksheet = new Worksheet(new SheetData(rows.Select((cells, r) => new Row(cells.Select((text, c) => new Cell
            {
                CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)),
            })) { RowIndex = (uint)(r + 1) })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task A_sheet_with_a_bad_cell_opens_nothing_and_names_the_cell_and_the_corrected_sheet_opens_every_row()
    {
        var office = await Accounts.CreateAsync(app.Factory, "office");
        using var client = await Accounts.CookieClientAsync(app.Factory, office.UserName!);
        string[][] Rows(string unit) =>
        [
            ["用户名", "姓名", "单位", "角色", "邮箱", "电话"],
            ["imp-jtj", "李明", "市交通运输局", "联络员", "li@wuhan.test", "027-88"],
            ["imp-leader", "王强", "", "领导", "", ""],
            ["imp-third", "", unit, "liaison", "", ""],
        ];

        var refused = await ImportAsync(client, Sheet(Rows("不存在的单位")));

        Assert.DoesNotContain("class=\"one-time-password\"", refused);
        Assert.Contains("第 4 行 C 单位 列", refused);
        Assert.Contains("不存在的单位", refused);
        Assert.Contains("一个账号也没有开设", refused);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Users.AnyAsync(u => u.UserName == "imp-jtj"));

        var result = await ImportAsync(client, Sheet(Rows("市商务局")));

        Assert.Equal(3, Regex.Matches(result, "class=\"one-time-password\">[A-Za-z0-9]{16}<").Count);
        var created = Regex.Match(result, "imp-jtj</td>[\\s\\S]*?<code class=\"one-time-password\">([A-Za-z0-9]{16})<").Groups[1].Value;
        using var liaison = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var login = await Accounts.PostFormAsync(liaison, "/account/login", new() { ["UserName"] = "imp-jtj", ["Password"] = created });
        Assert.Equal("/account/password", login.Headers.Location!.OriginalString.Split('?')[0]);
    }

    async Task<string> ImportAsync(HttpClient client, byte[] xlsx)
    {
        var page = await client.GetStringAsync("/office/accounts/import");
        var token = Accounts.FormToken(page);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(xlsx), "sheet", "账号.xlsx" } };
        return await (await client.PostAsync("/office/accounts/import", form)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_office_cannot_import_member_office_or_admin_accounts_but_an_admin_can()
    {
        var office = await Accounts.CreateAsync(app.Factory, "office");
        var admin = await Accounts.CreateAsync(app.Factory, "admin");
        using var officeClient = await Accounts.CookieClientAsync(app.Factory, office.UserName!);
        using var adminClient = await Accounts.CookieClientAsync(app.Factory, admin.UserName!);
        string[][] Rows(string suffix) =>
        [
            ["用户名", "姓名", "单位", "角色", "邮箱", "电话"],
            ["imp-member" + suffix, "", "", "member", "", ""],
            ["imp-office" + suffix, "", "", "office", "", ""],
            ["imp-admin" + suffix, "", "", "admin", "", ""],
        ];

        var byOffice = await ImportAsync(officeClient, Sheet(Rows("-o")));
        var byAdmin = await ImportAsync(adminClient, Sheet(Rows("-a")));

        Assert.DoesNotContain("class=\"one-time-password\"", byOffice);
        Assert.Equal(3, Regex.Matches(byOffice, "办公室只能开设联络员和领导账号").Count);
        Assert.Equal(3, Regex.Matches(byAdmin, "class=\"one-time-password\">[A-Za-z0-9]{16}<").Count);
    }
}
