using Jiaowang.Core.Documents.Parsing;

namespace Jiaowang.Core.Tests;

public class LineJoiningTests
{
    private static List<string> Paragraphs(string text) =>
        LineJoiner.Join(LineJoiner.SplitLines(text)).Select(p => p.Text).ToList();

    [Fact]
    public void A_sentence_broken_by_a_blank_line_is_rejoined()
    {
        Assert.Equal(["——枢纽优势进一步凸显,年发运量达到 1300 列。"], Paragraphs("——枢纽优势进一步凸显,年发运\n\n量达到 1300 列。"));
    }

    [Fact]
    public void A_form_feed_page_break_is_rejoined_and_keeps_its_line_number()
    {
        var paragraphs = LineJoiner.Join(LineJoiner.SplitLines("3. 提升赛事展会影响力。打\f造国际体育赛事名城。\n4. 强化合作。"));
        Assert.Equal("3. 提升赛事展会影响力。打造国际体育赛事名城。", paragraphs[0].Text);
        Assert.Equal(1, paragraphs[0].LineAt(paragraphs[0].Text.IndexOf("造国际", StringComparison.Ordinal)));
        Assert.Equal(2, paragraphs[1].Line);
    }

    [Fact]
    public void Windows_line_ends_and_several_blank_lines_are_one_break()
    {
        Assert.Equal(["9. 持续优化营商环境。提升涉外政务服务水平,优化流程。"], Paragraphs("9. 持续优化营商环境。提升涉外政务服务\r\n\r\n\r\n水平,优化流程。"));
    }

    [Theory]
    [InlineData("一、工作目标\n\n充分利用区位优势,打造国际交往中心。")]
    [InlineData("(一) 打造新窗口,持续扩大国际交往影响力\n\n1. 着力建设重要舞台。")]
    [InlineData("各区人民政府,市人民政府各部门:\n\n《方案》已经同意。")]
    [InlineData("第一段写完了。\n\n第二段另起。")]
    [InlineData("1. 任务内容。(责任单位:市商务局)\n\n各责任单位要认真落实。")]
    public void Separate_paragraphs_and_headings_stay_apart(string text)
    {
        Assert.Equal(2, Paragraphs(text).Count);
    }

    [Fact]
    public void Letterhead_lines_without_punctuation_are_not_glued()
    {
        Assert.Equal(4, Paragraphs("武汉市人民政府办公厅文件\n\n武政办〔2026〕26号\n\n市政协十四届五次会议 3 号建议案\n\n办理工作方案").Count);
    }

    [Fact]
    public void A_heading_that_breaks_off_after_a_comma_continues()
    {
        Assert.Equal(["(三)营造近悦远来的新空间,持续提升国际交往吸引力"], Paragraphs("(三)营造近悦远来的新空间,\n持续提升国际交往吸引力"));
    }

    [Fact]
    public void A_continuation_that_starts_with_a_decimal_is_not_an_item()
    {
        Assert.Equal(["——交往能级进一步提升,在汉留学生数量累计达到1.9 万人。"], Paragraphs("——交往能级进一步提升,在汉留学生数量累计达到\n1.9 万人。"));
    }
}
