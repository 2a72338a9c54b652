using System.Globalization;

namespace Jiaowang.Core.Network;

public enum Continent
{
    Asia,
    Europe,
    Africa,
    NorthAmerica,
    SouthAmerica,
    Oceania,
}

/// <summary>A country the registry knows, with the date China established diplomatic relations with it (建交日期).</summary>
public sealed record Country(string Code, string NameZh, string NameEn, Continent Continent, DateOnly? RelationsOn, string Source, IReadOnlyList<string> Aliases);

/// <summary>
/// The countries the app knows, read from the shipped countries file (Seed/countries.csv). A partner's country must be
/// one of them: that is what "unknown country" means on import.
/// </summary>
public sealed class CountryCatalog
{
    readonly Dictionary<string, Country> byCode;
    readonly Dictionary<string, Country> byName;

    public IReadOnlyList<Country> All { get; }

    public CountryCatalog(IEnumerable<Country> countries)
    {
        All = countries.OrderBy(c => c.NameEn, StringComparer.Ordinal).ToList();
        byCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        byName = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in All)
        {
            foreach (var name in c.Aliases.Append(c.NameEn).Append(c.NameZh).Append(c.Code))
            {
                byName.TryAdd(Normalize(name), c);
            }
        }
    }

    public Country? ByCode(string? code) => code is not null && byCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>Finds a country by ISO code, English or Chinese name, or a listed alias ("USA", "韩国").</summary>
    public Country? Find(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : byName.GetValueOrDefault(Normalize(text));

    static string Normalize(string s) => s.Trim().Replace("’", "'").ToUpperInvariant();

    /// <summary>
    /// Reads the countries file: code,name_zh,name_en,continent,relations_on,source,aliases (aliases separated by |).
    /// </summary>
    public static CountryCatalog Parse(string csv)
    {
        var rows = CsvText.Parse(csv);
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"countries file lacks column {name}");
        var (code, zh, en, continent, on, source, aliases) = (Col("code"), Col("name_zh"), Col("name_en"), Col("continent"), Col("relations_on"), Col("source"), Col("aliases"));
        return new CountryCatalog(rows.Skip(1).Where(r => r.Length > 1).Select(r => new Country(
            r[code].Trim(), r[zh].Trim(), r[en].Trim(), Enum.Parse<Continent>(r[continent].Trim()),
            string.IsNullOrWhiteSpace(r[on]) ? null : DateOnly.ParseExact(r[on].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r[source].Trim(),
            r[aliases].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    }
}
