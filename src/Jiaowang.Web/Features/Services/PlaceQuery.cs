using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Services;

/// <summary>A place as a reader in one language sees it: every text field says whether it is in that language.</summary>
public sealed record PlaceItem(int Id, string Key, string Category, string? District, string? DistrictName, TranslatedText Name,
    TranslatedText? Address, TranslatedText? Hours, TranslatedText? Services, string? Phone, IReadOnlyList<string> Languages,
    double? Latitude, double? Longitude, string? Website, string? Source, DateOnly? VerifiedOn, bool Confirmed, bool Published)
{
    /// <summary>True when any text of the place is shown in Chinese for want of a translation.</summary>
    public bool HasUntranslated => !Name.Translated || Address is { Translated: false } || Hours is { Translated: false } || Services is { Translated: false };
}

public sealed record PlaceList(string Lang, int Count, IReadOnlyList<PlaceItem> Places);

/// <summary>How many of each category the directory lists, beside seed 004's figures (the plan's yardstick).</summary>
public sealed record DirectoryCount(string Category, int Listed, int? Yardstick);

public static class PlaceQuery
{
    /// <summary>家在武汉 as reported in seed 004 (长江日报, 2025): 6 schools, 51 communities, 8 hospitals with international departments.</summary>
    public static int? Yardstick(PlaceCategory category) => category switch
    {
        PlaceCategory.School => 6, PlaceCategory.Community => 51, PlaceCategory.Hospital => 8, _ => null,
    };

    public static string Code(PlaceCategory category) => Camel(category.ToString());
    public static string Code2(SignageStatus status) => Camel(status.ToString());
    static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static bool TryCategory(string? value, out PlaceCategory category)
    {
        category = default;
        return !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _)
            && Enum.TryParse(value, ignoreCase: true, out category) && Enum.IsDefined(category);
    }

    public static async Task<List<PlaceItem>> ListAsync(JiaowangDb db, string lang, PlaceCategory? category, string? district, bool includeUnpublished, CancellationToken ct)
    {
        var query = db.Places.AsNoTracking().Include(p => p.Translations.Where(t => t.Lang == lang)).AsQueryable();
        if (!includeUnpublished) query = query.Where(p => p.Published);
        if (category is { } c) query = query.Where(p => p.Category == c);
        if (!string.IsNullOrWhiteSpace(district)) query = query.Where(p => p.District == district);
        var places = await query.OrderBy(p => p.Category).ThenBy(p => p.Id).ToListAsync(ct);
        return places.Select(p => ToItem(p, lang)).ToList();
    }

    public static async Task<PlaceItem?> FindAsync(JiaowangDb db, int id, string lang, bool includeUnpublished, CancellationToken ct)
    {
        var place = await db.Places.AsNoTracking().Include(p => p.Translations.Where(t => t.Lang == lang))
            .FirstOrDefaultAsync(p => p.Id == id && (includeUnpublished || p.Published), ct);
        return place is null ? null : ToItem(place, lang);
    }

    public static async Task<List<DirectoryCount>> CountsAsync(JiaowangDb db, CancellationToken ct)
    {
        var counts = await db.Places.AsNoTracking().Where(p => p.Published).GroupBy(p => p.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<PlaceCategory>()
            .Select(c => new DirectoryCount(Code(c), counts.FirstOrDefault(x => x.Key == c)?.Count ?? 0, Yardstick(c))).ToList();
    }

    public static PlaceItem ToItem(Place p, string lang)
    {
        var t = p.Translations.FirstOrDefault(x => x.Lang == lang);
        TranslatedText? Optional(string? zh, string? foreign) => string.IsNullOrWhiteSpace(zh) && string.IsNullOrWhiteSpace(foreign)
            ? null : string.IsNullOrWhiteSpace(zh) ? new TranslatedText(foreign, true) : TranslatedText.Pick(lang, zh, foreign);
        return new PlaceItem(p.Id, p.Key, Code(p.Category), p.District, Districts.Name(p.District, lang),
            TranslatedText.Pick(lang, p.NameZh, t?.Name), Optional(p.AddressZh, t?.Address), Optional(p.HoursZh, t?.Hours),
            Optional(p.ServicesZh, t?.Services), p.Phone,
            (p.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            p.Latitude, p.Longitude, p.Website, p.Source, p.VerifiedOn, p.Confirmed, p.Published);
    }
}

/// <summary>Wuhan's districts (wuhan-districts.csv) in Latin letters, for readers of the foreign-language pages.</summary>
public static class Districts
{
    static readonly Dictionary<string, string> Latin = new()
    {
        ["江岸区"] = "Jiang'an", ["江汉区"] = "Jianghan", ["硚口区"] = "Qiaokou", ["汉阳区"] = "Hanyang", ["武昌区"] = "Wuchang",
        ["青山区"] = "Qingshan", ["洪山区"] = "Hongshan", ["东西湖区"] = "Dongxihu", ["汉南区"] = "Hannan", ["蔡甸区"] = "Caidian",
        ["江夏区"] = "Jiangxia", ["黄陂区"] = "Huangpi", ["新洲区"] = "Xinzhou",
        ["武汉东湖新技术开发区"] = "East Lake High-tech Zone (Optics Valley)", ["武汉经济技术开发区"] = "Wuhan Economic & Technological Development Zone",
        ["长江新区"] = "Changjiang New Area", ["东湖生态旅游风景区"] = "East Lake Scenic Area",
    };

    public static IReadOnlyCollection<string> All => Latin.Keys;

    /// <summary>The district as the reader's language writes it: Chinese for Chinese and Japanese readers, the Latin name with the Chinese otherwise.</summary>
    public static string? Name(string? district, string lang) =>
        district is null ? null
        : lang is "zh" or "ja" || !Latin.TryGetValue(district, out var latin) ? district
        : $"{latin} ({district})";
}
