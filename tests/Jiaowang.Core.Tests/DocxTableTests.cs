using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>
/// Task tables as Word writes them (w:tbl): the rows of Fixtures/constructed-table-cells.txt built into a real .docx,
/// with the group rows spanning the table (gridSpan), the merged deadline cell (vMerge) and the header row Word
/// repeats on every page (tblHeader). The .docx must parse exactly as the text copied from it does.
/// </summary>
public class DocxTableTests
{
    private static readonly string[] Before =
    [
        "某市人民政府办公室关于印发某市2026年国际交往重点工作任务分工方案的通知",
        "各区人民政府，市人民政府各部门：",
        "现将《某市2026年国际交往重点工作任务分工方案》印发给你们，请认真贯彻落实。",
        "附件：某市2026年国际交往重点工作任务分工表",
        "某市人民政府办公室",
        "2026年2月20日",
        "附件",
        "某市2026年国际交往重点工作任务分工表",
    ];

    // null: the cell is merged with the one above (vMerge continue); a single string: a row across the table.
    private static readonly string?[][] Rows =
    [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["一、拓展国际友城网络"],
        ["1", "新增国际友好城市和友好交流城市2个以上。一是加强与共建“一带一路”国家城市的交往；二是推动与欧洲城市缔结友好关系；三是办好国际友城合作论坛。", "市委外办", "市商务局、市文旅局", "2026年12月底前"],
        ["2", "组织友城青年交流活动。(1)举办友城青年夏令营；(2)组织青年代表团出访。", "团市委", "市委外办、市教育局", "2026年8月底前"],
        ["二、提升国际会展影响力"],
        ["3", "举办国际性会展活动，引进国际知名展会品牌。", "市商务局", "市贸促会、市会展办", "2026年12月底前"],
        ["4", "办好中国（某市）国际友城博览会。", "市贸促会", "市商务局、市委外办", null],
        ["5", "完善外籍人士服务体系，建设国际化社区3个。", "市民政局", "市委外办、市公安局、各区人民政府", "长期坚持"],
    ];

    /// <summary>A .docx with the paragraphs and one table; units listed one per paragraph in a cell where asked.</summary>
    internal static byte[] Build(IEnumerable<string> before, string?[][] rows, bool unitsAsParagraphs = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var text in before) body.Append(Paragraph(text));

            var columns = rows[0].Length;
            var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
            var grid = new TableGrid();
            for (var c = 0; c < columns; c++) grid.Append(new GridColumn { Width = "1800" });
            table.Append(grid);
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new TableRow();
                if (r == 0) row.Append(new TableRowProperties(new TableHeader()));
                if (rows[r].Length == 1)
                {
                    row.Append(new TableCell(new TableCellProperties(new GridSpan { Val = columns }), Paragraph(rows[r][0]!)));
                }
                else
                {
                    for (var c = 0; c < columns; c++)
                    {
                        var properties = new TableCellProperties();
                        var mergedBelow = r + 1 < rows.Length && rows[r + 1].Length == columns && rows[r + 1][c] is null;
                        if (rows[r][c] is null) properties.Append(new VerticalMerge());
                        else if (mergedBelow) properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                        var cell = new TableCell(properties);
                        var text = rows[r][c] ?? "";
                        // "\n" in a cell: paragraphs of their own, as Word keeps "区财政局" / "区税务局" in one cell.
                        var paragraphs = unitsAsParagraphs && c == 3 ? text.Split('、') : text.Split('\n');
                        foreach (var p in paragraphs) cell.Append(Paragraph(p));
                        row.Append(cell);
                    }
                }
                table.Append(row);
            }
            body.Append(table);
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    internal static string Summary(ParsedPlan plan) => string.Join("\n", plan.Tasks.Select(t =>
        $"{t.Number}|{t.Title}|{string.Join("、", t.LeadUnits)}|{string.Join("、", t.CoUnits)}|{t.Deadline}|{string.Join("/", t.Measures.Select(m => m.Text))}"));

    [Fact]
    public void A_word_table_with_merged_cells_and_a_repeated_header_parses_as_its_text_does()
    {
        var docx = Build(Before, Rows);
        Assert.Empty(Jiaowang.Tests.Documents.OfficeTools.Validate(docx));
        var fromWord = PlanDocumentReader.Read("分工表.docx", docx);
        var fromText = PlanDocumentParser.Parse(Fixture.Text("constructed-table-cells.txt"));

        Assert.True(fromWord.Succeeded, fromWord.Error?.Message);
        Assert.Equal(Summary(fromText), Summary(fromWord.Plan!));
        Assert.Equal("某市2026年国际交往重点工作任务分工方案", fromWord.Plan!.Title);
        Assert.Equal(5, fromWord.Plan.Tasks.Count);
        Assert.Equal("2026年12月底前", fromWord.Plan.Tasks[3].Deadline); // the merged cell
        Assert.Equal(["加强与共建“一带一路”国家城市的交往", "推动与欧洲城市缔结友好关系", "办好国际友城合作论坛"],
            fromWord.Plan.Tasks[0].Measures.Select(m => m.Text.Replace("一是", "").Replace("二是", "").Replace("三是", "")).ToList());
        Assert.Equal(["拓展国际友城网络", "拓展国际友城网络", "提升国际会展影响力", "提升国际会展影响力", "提升国际会展影响力"],
            fromWord.Plan.Tasks.Select(t => t.Group).ToList());
        Assert.Empty(fromWord.Plan.Warnings);
    }

    [Fact]
    public void Units_on_paragraphs_of_their_own_in_one_cell_are_a_list()
    {
        var plan = PlanDocumentReader.Read("分工表.docx", Build(Before, Rows, unitsAsParagraphs: true)).Plan!;

        Assert.Equal(["市委外办", "市公安局", "各区人民政府"], plan.Tasks[4].CoUnits);
    }
}
