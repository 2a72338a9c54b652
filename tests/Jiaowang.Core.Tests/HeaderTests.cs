using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

public class HeaderTests
{
    [Theory]
    [InlineData("武政办〔2026〕26号")]
    [InlineData("武政办[2026]26号")]
    [InlineData("武政办（2026）26号")]
    [InlineData("武政办 〔2026〕 26 号")]
    public void The_document_number_is_read_in_any_bracket(string line)
    {
        Assert.Equal("武政办〔2026〕26号", PlanDocumentParser.Parse(line + "\n\n一、工作目标").DocumentNumber);
    }

    [Fact]
    public void The_issue_date_is_the_one_under_the_signature_not_the_printing_date()
    {
        var plan = PlanDocumentParser.Parse("武汉市人民政府办公厅\n\n2026年3月9日\n\n一、工作任务\n\n武汉市人民政府办公厅\n\n2026年3月10日印发\n\n2026年3月11日");
        Assert.Equal(new DateOnly(2026, 3, 9), plan.IssuedOn);
    }

    [Fact]
    public void A_title_split_over_two_lines_is_joined_and_loses_pdf_spacing()
    {
        var plan = PlanDocumentParser.Parse("武汉市人民政府办公厅\n\n2026年3月9日\n\n市政协十四届五次会议 3 号建议案\n\n办理工作方案\n\n为办好建议案,特制定本方案。\n\n一、工作目标");
        Assert.Equal("市政协十四届五次会议3号建议案办理工作方案", plan.Title);
    }

    [Fact]
    public void The_name_in_book_title_marks_is_used_when_it_is_the_same_plan()
    {
        var plan = PlanDocumentParser.Parse("《某市 2026 年工作方案》已经同意,现印发给你们。\n\n某市 2026 年工作方案\n\n一、工作目标");
        Assert.Equal("某市2026年工作方案", plan.Title);
    }
}

public class HeaderVariantTests
{
    [Fact]
    public void A_signed_date_in_chinese_numerals_is_read()
    {
        Assert.Equal(new DateOnly(2026, 3, 9), PlanDocumentParser.Parse("某市人民政府办公室\n二〇二六年三月九日\n一、工作目标").IssuedOn);
        Assert.Equal(new DateOnly(2025, 12, 31), PlanDocumentParser.Parse("二○二五年十二月三十一日\n一、工作目标").IssuedOn);
    }

    [Fact]
    public void Full_width_digits_number_tasks_and_targets()
    {
        var plan = PlanDocumentParser.Parse("一、工作目标\n——能级提升,国际友城数量达到１３０个,外贸增长１０％左右。\n二、工作任务\n１．建设舞台。(责任单位:市委外办)");
        Assert.Equal([(130m, "个"), (10m, "%")], plan.Targets.Select(t => (t.Value, t.Unit)));
        Assert.Equal(1, Assert.Single(plan.Tasks).Number);
    }
}
