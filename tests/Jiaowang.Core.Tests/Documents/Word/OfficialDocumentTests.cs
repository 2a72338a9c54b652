using System.Text.RegularExpressions;
using Jiaowang.Core.Documents.Word;
using Jiaowang.Tests.Documents;

namespace Jiaowang.Core.Tests.Documents.Word;

/// <summary>The official-document writer, checked by the OpenXML validator and by LibreOffice's rendering of it.</summary>
public class OfficialDocumentTests
{
    static OfficialDocument Sample(FontChoice fonts)
    {
        var document = new OfficialDocument(fonts).Title("关于国际交往中心建设\n工作进展情况的通报").Subtitle("（2026年4月1日—2026年6月30日）")
            .Text("按照市委、市政府部署，各责任单位认真落实工作方案，现将有关情况通报如下。")
            .Heading1("一、总体进展")
            .Heading2("（一）交往能级进一步提升")
            .Heading3("1. 着力建设承担国家重大外交外事活动的重要舞台")
            .Blocks(RichTextBlocks.Parse("<p>成功举办<strong>武汉国际友城合作大会</strong>，签约项目 12 个。</p><ul><li>新增友城 2 个</li><li>新设联络处 1 个</li></ul>"),
                [new TextRun("市委外办（牵头）：", Bold: true)])
            .Table(["序号", "指标", "目标", "完成值", "完成率"],
                [["1", "国际友城和友好交流城市数量", "129 个", "127", "98.4%"], ["2", "入境游客人数", "156 万人次", "80", "51.3%"]],
                [1, 5, 2, 2, 2], new HashSet<int> { 0, 2, 3, 4 });
        for (var i = 0; i < 40; i++) document.Text($"第{i + 1}段：各责任单位按照方案要求认真开展办理工作，定期报送进展情况，确保各项任务按期完成。");
        return document.Signature("武汉市人民政府外事办公室", new DateOnly(2026, 7, 3));
    }

    [Fact]
    public void The_document_is_valid_Office_Open_XML()
    {
        Assert.Empty(OfficeTools.Validate(Sample(FontChoice.Official).ToBytes()));
        Assert.Empty(OfficeTools.Validate(Sample(FontChoice.Installed).ToBytes()));
    }

    [Theory]
    [InlineData("辐射广泛的新窗口,持续扩大", "辐射广泛的新窗口，持续扩大")]
    [InlineData("中欧班列(武汉)跨境运输", "中欧班列（武汉）跨境运输")]
    [InlineData("风景区(管委会)下同;另见", "风景区（管委会）下同；另见")]
    [InlineData("增长 10%, 达到 3 (条)", "增长 10%, 达到 3 (条)")]
    [InlineData("10:00 开会", "10:00 开会")]
    public void Half_width_punctuation_between_Chinese_characters_is_set_full_width(string text, string expected) =>
        Assert.Equal(expected, OfficialDocument.FullWidthPunctuation(text));

    [Fact]
    public void The_text_block_is_156_by_225_mm_on_A4_with_22_lines()
    {
        Assert.Equal(11906, OfficialDocument.PageWidth);
        Assert.Equal(16838, OfficialDocument.PageHeight);
        Assert.Equal(156.0, Math.Round(OfficialDocument.TextWidth * 25.4 / 1440), 0);
        Assert.Equal(297 - 37 - 35, Math.Round((OfficialDocument.PageHeight - OfficialDocument.TopMargin - OfficialDocument.BottomMargin) * 25.4 / 1440));
        Assert.Equal(28.95, OfficialDocument.LinePitch / 20.0, 1);
    }

    [Theory]
    [InlineData(FontChoice.Official)]
    [InlineData(FontChoice.Installed)]
    public async Task LibreOffice_opens_it_as_A4_with_numbered_pages_and_embedded_Chinese_fonts(FontChoice fonts)
    {
        var pdf = await OfficeTools.ToPdfAsync(Sample(fonts).ToBytes(), $"sample-{fonts}");

        var info = await OfficeTools.InfoAsync(pdf);
        Assert.Matches(@"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info);
        var text = await OfficeTools.SqueezedTextAsync(pdf);
        Assert.Contains("工作进展情况的通报", text);
        Assert.Contains("市委外办（牵头）：成功举办武汉国际友城合作大会", text);
        Assert.Contains("国际友城和友好交流城市数量", text);
        Assert.Contains("—1—", text);
        Assert.Contains("—2—", text);
        Assert.Contains("2026年7月3日", text);
        var fontTable = await OfficeTools.FontsAsync(pdf);
        // Body, title and numbers in the serif stand-in for 仿宋/小标宋/宋体, headings in the sans one for 黑体, all embedded;
        // nothing left to a last-resort font.
        Assert.Matches(new Regex(@"NotoSerifCJK\S*-Regular\S*\s.*\syes\s"), fontTable);
        Assert.Matches(new Regex(@"NotoSerifCJK\S*-Bold\S*\s.*\syes\s"), fontTable);
        Assert.Matches(new Regex(@"NotoSansCJK\S*\s.*\syes\s"), fontTable);
        Assert.DoesNotContain("DejaVu", fontTable);
        await OfficeTools.PagesAsync(pdf);
    }
}
