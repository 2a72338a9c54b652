using Jiaowang.Core.Network;

namespace Jiaowang.Core.Tests.Network;

public sealed class CountryCatalogTests
{
    static readonly string ShippedFile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Jiaowang.Web", "Seed", "countries.csv");

    [Fact]
    public void The_shipped_countries_file_knows_every_country_of_the_shipped_partner_list_with_its_relations_date()
    {
        var catalog = CountryCatalog.Parse(File.ReadAllText(ShippedFile));
        var partners = CsvText.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(ShippedFile)!, "wuhan-sister-cities.csv")));
        var column = Array.IndexOf(partners[0], "country_en");

        foreach (var row in partners.Skip(1).Where(r => r.Length > 1))
        {
            var country = catalog.Find(row[column]);
            Assert.True(country is not null, $"{row[column]} is not in countries.csv");
            Assert.NotNull(country.RelationsOn);
        }
        Assert.Equal(new DateOnly(1964, 1, 27), catalog.Find("法国")!.RelationsOn);
        Assert.Equal("US", catalog.Find("USA")!.Code);
    }
}
