using System.Text.Json;
using Jiaowang.Core.Services;

namespace Jiaowang.Web.Features.Services;

/// <summary>Reads Seed/services-places.json: each place with its names and texts per language, source and check date.</summary>
public static class PlaceSeed
{
    sealed record Row(string Key, string Category, string? District, bool Confirmed, Dictionary<string, string> Name,
        Dictionary<string, string>? Address, Dictionary<string, string>? Hours, Dictionary<string, string>? Services,
        string? Phone, string? Languages, string? Website, string? Source, double? Latitude, double? Longitude);

    sealed record File(string Verified, List<Row> Places);

    public static List<Place> Read(string path)
    {
        var file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var verified = DateOnly.Parse(file.Verified, System.Globalization.CultureInfo.InvariantCulture);
        return file.Places.Select(r =>
        {
            var place = new Place
            {
                Key = r.Key, Category = Enum.Parse<PlaceCategory>(r.Category), District = r.District, Confirmed = r.Confirmed,
                NameZh = r.Name["zh"], AddressZh = r.Address?.GetValueOrDefault("zh"), HoursZh = r.Hours?.GetValueOrDefault("zh"),
                ServicesZh = r.Services?.GetValueOrDefault("zh"), Phone = r.Phone, Languages = r.Languages, Website = r.Website,
                Source = r.Source, Latitude = r.Latitude, Longitude = r.Longitude, VerifiedOn = verified, Published = true,
            };
            var langs = new[] { r.Name, r.Address, r.Hours, r.Services }.Where(d => d is not null).SelectMany(d => d!.Keys).Where(l => l != "zh").Distinct();
            foreach (var lang in langs)
            {
                place.Translations.Add(new PlaceTranslation
                {
                    Lang = lang, Name = r.Name.GetValueOrDefault(lang), Address = r.Address?.GetValueOrDefault(lang),
                    Hours = r.Hours?.GetValueOrDefault(lang), Services = r.Services?.GetValueOrDefault(lang),
                });
            }
            return place;
        }).ToList();
    }
}
