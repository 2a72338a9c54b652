using System.Globalization;
using Jiaowang.Core.Network;

namespace Jiaowang.Core.Tests.Network;

public sealed class PartnerRowsTests
{
    static readonly CountryCatalog Countries = new([
        new Country("FR", "法国", "France", Continent.Europe, new DateOnly(1964, 1, 27), "test", []),
        new Country("US", "美国", "United States", Continent.NorthAmerica, new DateOnly(1979, 1, 1), "test", ["USA"]),
    ]);

    static PartnerRowsResult Validate(string csv, params (string, string)[] existing)
    {
        var rows = CsvText.Parse(csv);
        return PartnerRows.Validate("partners.csv", rows[0], rows.Skip(1).Select((r, i) => (i + 2, (IReadOnlyList<string>)r)), Countries, existing);
    }

    [Fact]
    public void A_good_file_gives_one_partner_per_row_with_country_kind_and_dates()
    {
        var result = Validate("""
            city_en,city_zh,country_en,year_established,kind,established_on,latitude,longitude,source
            Bordeaux,波尔多市,France,1998,国际友好城市,,44.84,-0.58,http://example.org/a
            San Francisco,,USA,,友好交流城市(区),2013-11-21,,,
            """);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        var (bordeaux, sf) = (result.Partners[0], result.Partners[1]);
        Assert.Equal(("FR", PartnerKind.SisterCity, 1998, 44.84), (bordeaux.CountryCode, bordeaux.Kind, bordeaux.EstablishedYear, bordeaux.Latitude));
        Assert.Equal(("US", PartnerKind.FriendlyExchange, 2013, new DateOnly(2013, 11, 21)), (sf.CountryCode, sf.Kind, sf.EstablishedYear, sf.EstablishedOn));
        Assert.Equal(PartnerStatus.Active, sf.Status);
    }

    [Fact]
    public void A_bad_date_an_unknown_country_and_a_duplicate_city_are_each_named_and_nothing_is_accepted()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var result = Validate("""
            city_en,country,kind,established_on
            Bordeaux,France,国际友好城市,1998-13-40
            Atlantis,Atlantis,国际友好城市,
            Lyon,France,国际友好城市,
            Lyon,France,友好交流城市,
            Pittsburgh,United States,sister town,
            """);

        Assert.False(result.Ok);
        Assert.Empty(result.Partners);
        Assert.Equal(
        [
            "partners.csv row 2, column established_on: date \"1998-13-40\" is not valid; write it as 2026-03-09",
            "partners.csv row 3, column country: unknown country \"Atlantis\" (the country must be listed in countries.csv)",
            "partners.csv row 5, column city_en: city \"Lyon\" duplicates row 4",
            "partners.csv row 6, column kind: kind \"sister town\" is not valid; use 国际友好城市 or 友好交流城市",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Problems_are_in_Chinese_by_default()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var result = Validate("city_en,country,kind\nAtlantis,Atlantis,国际友好城市\n");
        Assert.Equal("partners.csv 第 2 行 country 列：未知国家“Atlantis”（国家须在 countries.csv 中）", result.Problems.Single().ToString());
    }

    [Fact]
    public void A_city_already_in_the_registry_is_refused()
    {
        var result = Validate("city_en,country,kind\nBordeaux,法国,国际友好城市\n", ("FR", "bordeaux"));
        Assert.Equal(("city_en", 2), (result.Problems.Single().Column, result.Problems.Single().Row));
    }

    [Fact]
    public void A_file_without_a_required_column_is_refused_at_the_header()
    {
        var result = Validate("city_en,kind\nBordeaux,国际友好城市\n");
        Assert.Equal(("country", 1), (result.Problems.Single().Column, result.Problems.Single().Row));
    }

    [Fact]
    public void An_ended_date_makes_the_partner_ended()
    {
        var result = Validate("city_en,country,kind,ended_on\nArnhem,France,国际友好城市,2021-07-22\n");
        Assert.Equal(PartnerStatus.Ended, result.Partners.Single().Status);
    }

    [Fact]
    public void Csv_round_trips_quotes_commas_and_newlines()
    {
        var text = CsvText.Write([["a", "b,c", "say \"hi\""], ["line\nbreak", "", null]]);
        Assert.Equal([["a", "b,c", "say \"hi\""], ["line\nbreak", "", ""]], CsvText.Parse(text));
    }
}

public sealed class PartnerFileTests
{
    [Fact]
    public void An_empty_registry_exports_an_excel_template_with_every_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.xlsx");
        try
        {
            PartnerFile.Write(path, PartnerRows.Columns, []);
            using var stream = File.OpenRead(path);
            var sheet = PartnerFile.Read(path, stream)!;
            Assert.Equal(PartnerRows.Columns, sheet.Header);
            Assert.All(sheet.Rows, r => Assert.All(r.Cells, c => Assert.True(string.IsNullOrEmpty(c))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_csv_saved_by_excel_on_chinese_windows_in_gb18030_is_read()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding("GB18030").GetBytes("city_en,city_zh,country,kind\r\nOita,大分市,日本,国际友好城市\r\n");
        var sheet = PartnerFile.Read("gbk.csv", new MemoryStream(bytes))!;
        Assert.Equal(["Oita", "大分市", "日本", "国际友好城市"], sheet.Rows.Single().Cells);
        Assert.Equal(2, sheet.Rows.Single().Row);
    }
}
