using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>A partner as lists, the map and <c>GET /api/partners</c> show it.</summary>
/// <param name="Kind">sisterCity or friendlyExchange.</param>
/// <param name="KindText">国际友好城市 or 友好交流城市, as the office writes it.</param>
/// <param name="Status">active or ended.</param>
public sealed record PartnerItem(
    int Id, string NameEn, string? NameZh, string CountryCode, string CountryEn, string CountryZh, string Continent,
    string Kind, string KindText, int? EstablishedYear, DateOnly? EstablishedOn, string Status, DateOnly? EndedOn,
    double? Latitude, double? Longitude, bool IsDemo, string? Source);

/// <summary>The filters every partner list understands: kind, country, free text, status.</summary>
public sealed record PartnerFilter(string? Kind = null, string? Country = null, string? Q = null, string? Status = null, string? Continent = null);

/// <summary>Loads and filters partners. The registry holds hundreds of rows, so filtering the projected list in memory
/// keeps one code path for both databases and lets the search match country names from the countries file.</summary>
public static class PartnerQuery
{
    public static async Task<List<PartnerItem>> ListAsync(JiaowangDb db, CountryCatalog countries, PartnerFilter filter, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.NameEn).ToListAsync(ct);
        var items = partners.Select(p => ToItem(p, countries));

        if (ParseKind(filter.Kind) is { } kind) items = items.Where(i => i.Kind == Code(kind));
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = countries.Find(filter.Country)?.Code ?? filter.Country.Trim();
            items = items.Where(i => i.CountryCode.Equals(country, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(filter.Continent)) items = items.Where(i => i.Continent.Equals(filter.Continent.Trim(), StringComparison.OrdinalIgnoreCase));
        if (filter.Status is { Length: > 0 } status && status != "all")
        {
            items = items.Where(i => i.Status.Equals(status, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            items = items.Where(i => new[] { i.NameEn, i.NameZh, i.CountryEn, i.CountryZh }
                .Any(s => s?.Contains(q, StringComparison.OrdinalIgnoreCase) == true));
        }
        return items.ToList();
    }

    public static PartnerKind? ParseKind(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<PartnerKind>(text, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _) ? k
        : PartnerRows.ParseKind(text);

    public static string Code(PartnerKind kind) => kind == PartnerKind.SisterCity ? "sisterCity" : "friendlyExchange";

    public static PartnerItem ToItem(Partner p, CountryCatalog countries)
    {
        var country = countries.ByCode(p.CountryCode);
        return new PartnerItem(p.Id, p.NameEn, p.NameZh, p.CountryCode, country?.NameEn ?? p.CountryCode, country?.NameZh ?? p.CountryCode,
            country?.Continent.ToString() ?? "", Code(p.Kind), PartnerRows.KindText(p.Kind), p.EstablishedYear, p.EstablishedOn,
            p.Status == PartnerStatus.Active ? "active" : "ended", p.EndedOn, p.Latitude, p.Longitude, p.IsDemo, p.Source);
    }
}
