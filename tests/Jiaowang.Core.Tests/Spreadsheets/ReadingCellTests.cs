using System.Globalization;
using Jiaowang.Core.Spreadsheets;

namespace Jiaowang.Core.Tests;

/// <summary>How a readings sheet's date and value cells are read, whichever way a person typed them.</summary>
public class ReadingCellTests
{
    [Theory]
    [InlineData("1560000", null, "1560000")]
    [InlineData("1,560,000", null, "1560000")]
    [InlineData("１，５６０，０００", null, "1560000")]
    [InlineData("127个", "个", "127")]
    [InlineData("156 万人次", "万人次", "156")]
    [InlineData("1.9", "万人", "1.9")]
    [InlineData("0.123456", null, "0.1235")]
    public void A_typed_value_is_read_as_a_number_in_the_targets_unit(string text, string? measure, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ReadingImport.ParseValue(new XlsxCell(text, null), measure));

    [Theory]
    [InlineData("156万", "个")]
    [InlineData("很多", "个")]
    [InlineData("1.2.3", null)]
    [InlineData("12 条", "个")]
    public void Words_other_than_the_targets_own_unit_are_not_a_number(string text, string? measure) =>
        Assert.Null(ReadingImport.ParseValue(new XlsxCell(text, null), measure));

    [Fact]
    public void A_number_cell_keeps_its_exact_decimal_value() =>
        Assert.Equal(0.1m, ReadingImport.ParseValue(new XlsxCell("0.1", 0.1), "个"));

    [Theory]
    [InlineData("2026-06-15")]
    [InlineData("2026/6/15")]
    [InlineData("2026.6.15")]
    [InlineData("2026年6月15日")]
    [InlineData("２０２６－０６－１５")]
    public void A_typed_date_is_read(string text) =>
        Assert.Equal(new DateOnly(2026, 6, 15), ReadingImport.ParseDate(new XlsxCell(text, null)));

    [Fact]
    public void A_date_cell_is_an_excel_serial_and_a_time_of_day_is_dropped()
    {
        var serial = XlsxWriter.Serial(new DateOnly(2026, 6, 15));
        Assert.Equal(new DateOnly(2026, 6, 15), ReadingImport.ParseDate(new XlsxCell("", serial + 0.75)));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("明天")]
    [InlineData("15/06/2026")]
    public void Impossible_or_ambiguous_dates_are_refused(string text) => Assert.Null(ReadingImport.ParseDate(new XlsxCell(text, null)));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(7, "H")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Column_letters_are_as_excel_shows_them(int index, string letters) => Assert.Equal(letters, XlsxWriter.ColumnLetter(index));

    [Theory]
    [InlineData("日期 Date", ReadingSheet.DateColumn)]
    [InlineData("日期", ReadingSheet.DateColumn)]
    [InlineData("date", ReadingSheet.DateColumn)]
    [InlineData("数值\nValue", ReadingSheet.ValueColumn)]
    [InlineData("备注", ReadingSheet.NoteColumn)]
    public void Headers_are_recognised_in_either_language(string header, int column) => Assert.Equal(column, ReadingSheet.ColumnOf(header));
}

/// <summary>A growth target's reading is a change rate, negative for a fall (docs/STATUS-RULES.md, "Declines").</summary>
public class ChangeRateImportTests
{
    [Fact]
    public void A_negative_value_is_accepted_for_a_change_rate_and_refused_for_a_count()
    {
        var energy = new SheetTarget(1, 1, "单位地区生产总值能耗", "%", false, ChangeRate: true);
        var partners = new SheetTarget(2, 2, "国际友城和友好交流城市数量", "个", false);
        var day = new DateOnly(2026, 6, 30);
        var sheet = ReadingSheet.Export([new ReadingLine(energy, day, -3.5m, "manual", null, null), new ReadingLine(partners, day, -1m, "manual", null, null)]);
        using var xlsx = new MemoryStream(XlsxWriter.Write([sheet]));
        var context = new ReadingImportContext([energy, partners], new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 7, 5),
            new Dictionary<(int, DateOnly), decimal>(), _ => true);

        var result = ReadingImport.Check(xlsx, context);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal(-3.5m, ReadingImport.ParseValue(new XlsxCell("-3.5%", null), "%"));
        Assert.Equal(-3.5m, ReadingImport.ParseValue(new XlsxCell("\u22123.5", null), "%"));
    }
}
