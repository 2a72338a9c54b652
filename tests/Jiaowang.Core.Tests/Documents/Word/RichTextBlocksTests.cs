using Jiaowang.Core.Documents.Word;

namespace Jiaowang.Core.Tests.Documents.Word;

/// <summary>Report text (sanitised HTML) becomes Word paragraphs and runs, never raw tags.</summary>
public class RichTextBlocksTests
{
    [Fact]
    public void Paragraphs_bold_and_entities_become_runs_without_tags()
    {
        var blocks = RichTextBlocks.Parse("<p>新开国际航线 <strong>3 条</strong>，旅客&nbsp;40&amp;万人次</p>\n<p>  第二段  </p>");

        Assert.Equal(2, blocks.Count);
        Assert.Equal([new TextRun("新开国际航线 "), new TextRun("3 条", Bold: true), new TextRun("，旅客 40&万人次")], blocks[0].Runs);
        Assert.Equal("第二段", blocks[1].PlainText);
    }

    [Fact]
    public void Numbered_and_bulleted_lists_keep_their_markers()
    {
        var blocks = RichTextBlocks.Parse("<p>主要做法：</p><ol><li>建立专班</li><li>按月<em>调度</em></li></ol><ul><li>其他</li></ul>");

        Assert.Equal([(null, "主要做法："), ("1.", "建立专班"), ("2.", "按月调度"), ("·", "其他")], blocks.Select(b => (b.Marker, b.PlainText)));
        Assert.True(blocks[2].Runs[1].Italic);
    }

    [Fact]
    public void Line_breaks_headings_tables_and_links_keep_their_text()
    {
        var blocks = RichTextBlocks.Parse("<h3>小结</h3><p>第一行<br>第二行</p><table><tr><th>指标</th><th>数值</th></tr><tr><td>航线</td><td>3</td></tr></table><p><a href=\"https://example.org\">链接</a> &lt;script&gt;</p>");

        Assert.Equal(["小结", "第一行\n第二行", "指标　数值", "航线　3", "链接 <script>"], blocks.Select(b => b.PlainText));
        Assert.True(blocks[0].Runs[0].Bold);
        Assert.Equal("\n", blocks[1].Runs[1].Text);
    }

    [Fact]
    public void Plain_text_and_nothing_are_handled()
    {
        Assert.Empty(RichTextBlocks.Parse(""));
        Assert.Empty(RichTextBlocks.Parse("<p> </p>"));
        Assert.Equal("没有标签的文字", Assert.Single(RichTextBlocks.Parse("没有标签的文字")).PlainText);
    }
}
