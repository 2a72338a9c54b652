using Jiaowang.Core.Documents;
using Jiaowang.Core.Documents.Parsing;

namespace Jiaowang.Core.Tests;

public class ResponsibilityNoteTests
{
    private static ResponsibilityNote Note(string content)
    {
        Assert.True(ResponsibilityNotes.TryParse(content, out var note), content);
        return note;
    }

    [Theory]
    [InlineData("责任单位:市委外办,市商务局、市投资促进局")]
    [InlineData("责任单位：市委外办，市商务局、市投资促进局")]
    [InlineData("责任单位: 市委外办 , 市商务局 、市投资促进局")]
    public void The_first_unit_listed_leads_the_others_co_operate(string content)
    {
        var note = Note(content);
        Assert.Equal(["市委外办"], note.LeadUnits);
        Assert.Equal(["市商务局", "市投资促进局"], note.CoUnits);
    }

    [Theory]
    [InlineData("牵头单位:市商务局;配合单位:市税务局、市文旅局")]
    [InlineData("牵头单位：市商务局；配合单位：市税务局，市文旅局")]
    [InlineData("牵头单位:市商务局  责任单位:市税务局、市文旅局")]
    [InlineData("牵头单位：市商务局；参与单位：市税务局；协办单位：市文旅局")]
    public void Explicit_lead_and_co_units(string content)
    {
        var note = Note(content);
        Assert.Equal(["市商务局"], note.LeadUnits);
        Assert.Equal(["市税务局", "市文旅局"], note.CoUnits);
    }

    [Fact]
    public void Several_lead_units()
    {
        var note = Note("牵头单位：市委外办、市商务局；配合单位：市公安局");
        Assert.Equal(["市委外办", "市商务局"], note.LeadUnits);
        Assert.Equal(["市公安局"], note.CoUnits);
    }

    [Fact]
    public void Leads_written_before_the_word_qiantou()
    {
        // The form of the Baoji 2022 放管服 work points: "(A、B牵头,C按职责分工负责)".
        var note = Note("市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责");
        Assert.Equal(["市政府办公室", "市行政审批制度改革工作领导小组办公室"], note.LeadUnits);
        Assert.Equal(["市级各有关部门及各县市区政府"], note.CoUnits);
    }

    [Theory]
    [InlineData("责任单位:市商务局,各区人民政府〈含开发区、长江新区、风景区(管委会)下同〉", "含开发区、长江新区、风景区(管委会)下同")]
    [InlineData("责任单位:市商务局,各区人民政府<含开发区、长江新区>", "含开发区、长江新区")]
    [InlineData("责任单位：市商务局，各区人民政府（含开发区、长江新区，下同）", "含开发区、长江新区，下同")]
    public void An_annotated_unit_stays_one_unit(string content, string annotation)
    {
        var note = Note(content);
        Assert.Equal(["各区人民政府"], note.CoUnits);
        Assert.Equal([new UnitNote("各区人民政府", annotation)], note.Notes);
    }

    [Fact]
    public void A_bracket_that_is_part_of_a_name_is_kept()
    {
        Assert.Equal(["市商务局", "市政府口岸物流办(市港航局)"], ResponsibilityNotes.SplitUnits("市商务局、市政府口岸物流办(市港航局)", []));
    }

    [Fact]
    public void The_note_is_cut_from_the_task_text_even_with_nested_brackets()
    {
        var text = "实施跨境电商行动。参与国际国内标准制(修)订工作。(责任单位:市商务局,各区人民政府〈含开发区、风景区(管委会)下同〉)";
        Assert.True(ResponsibilityNotes.TryCut(text, out var before, out var note));
        Assert.Equal("实施跨境电商行动。参与国际国内标准制(修)订工作。", before);
        Assert.Equal(["市商务局"], note.LeadUnits);
    }

    [Theory]
    [InlineData("推动楚剧、汉剧“走出去”")]
    [InlineData("参与国际国内标准制(修)订工作")]
    [InlineData("建设中欧班列(武汉)集结中心。")]
    public void Brackets_that_name_no_units_are_not_a_note(string text)
    {
        Assert.False(ResponsibilityNotes.TryCut(text, out _, out _));
    }
}
