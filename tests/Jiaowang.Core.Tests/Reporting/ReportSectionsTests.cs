using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

public class ReportSectionsTests
{
    [Fact]
    public void Three_sections_make_one_text_and_come_back_apart()
    {
        var text = ReportSections.Compose("<p>已完成航线 3 条</p>", "<ul><li>运力不足</li></ul>", "<p>争取扩容</p>");
        Assert.StartsWith("<h3>完成情况</h3><p>已完成航线 3 条</p><h3>存在问题</h3>", text);
        Assert.Equal(["<p>已完成航线 3 条</p>", "<ul><li>运力不足</li></ul>", "<p>争取扩容</p>"], ReportSections.Split(text)!);
    }

    [Fact]
    public void Empty_sections_make_no_text_and_free_text_has_no_sections()
    {
        Assert.Equal("", ReportSections.Compose("<p><br></p>", "", null));
        Assert.Null(ReportSections.Split("<p>旧的自由文本报告</p>"));
        Assert.Null(ReportSections.Split(""));
    }
}
