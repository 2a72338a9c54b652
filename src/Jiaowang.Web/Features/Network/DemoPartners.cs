using Jiaowang.Core.Network;

namespace Jiaowang.Web.Features.Network;

/// <summary>
/// Generated partners for demonstrations and tests, reproducible by seed. They are never real: each is named
/// "Demo City …"/"演示城市…", flagged IsDemo, has source "demo", and stays off the map and the anniversary calendar.
/// The real list holds 33 documented partners of the 127 the city reports; demo rows fill the gap only where asked.
/// </summary>
public static class DemoPartners
{
    public static IReadOnlyList<PartnerDraft> Generate(int count, int seed, CountryCatalog countries)
    {
        var random = new Random(seed);
        var pool = countries.All;
        return Enumerable.Range(1, count).Select(i =>
        {
            var country = pool[random.Next(pool.Count)];
            // Roughly the real mix: 30 sister cities to 97 friendly-exchange cities.
            var kind = random.Next(127) < 30 ? PartnerKind.SisterCity : PartnerKind.FriendlyExchange;
            var year = 1990 + random.Next(35);
            return new PartnerDraft(i, $"Demo City {seed}-{i:000}", $"演示城市{seed}-{i:000}", country.Code, kind, year, null,
                PartnerStatus.Active, null, null, null, "演示数据，不是真实友城 / demo data, not a real partner", $"demo (seed {seed})", IsDemo: true);
        }).ToList();
    }
}
