using System.Globalization;

namespace Jiaowang.Core.Network;

/// <summary>One bad cell of an imported file: which file, row (as numbered in the file, header = 1), column, and why.</summary>
public sealed record CellProblem(string File, int Row, string Column, string Message)
{
    public override string ToString() => NetworkMessages.Format("Problem.Line", File, Row, Column, Message);
}

/// <summary>A partner read from one row, ready to store.</summary>
public sealed record PartnerDraft(
    int Row, string NameEn, string? NameZh, string CountryCode, PartnerKind Kind, int? EstablishedYear, DateOnly? EstablishedOn,
    PartnerStatus Status, DateOnly? EndedOn, double? Latitude, double? Longitude, string? Notes, string? Source, bool IsDemo)
{
    public Partner ToPartner(DateTimeOffset now) => new()
    {
        NameEn = NameEn, NameZh = NameZh, CountryCode = CountryCode, Kind = Kind, EstablishedYear = EstablishedYear,
        EstablishedOn = EstablishedOn, Status = Status, EndedOn = EndedOn, Latitude = Latitude, Longitude = Longitude,
        Notes = Notes, Source = Source, IsDemo = IsDemo, CreatedAt = now,
    };
}

public sealed record PartnerRowsResult(IReadOnlyList<PartnerDraft> Partners, IReadOnlyList<CellProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Validates a partner file row by row, all of it before anything is stored: every bad cell is named, and one bad cell
/// refuses the whole file. The columns are those of the shipped wuhan-sister-cities.csv plus the registry's own.
/// </summary>
public static class PartnerRows
{
    public static readonly string[] Columns =
        ["city_en", "city_zh", "country", "kind", "year_established", "established_on", "status", "ended_on", "latitude", "longitude", "notes", "source", "demo"];

    /// <summary>Other spellings accepted in a header: the shipped CSV says country_en.</summary>
    static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["country_en"] = "country", ["country_code"] = "country", ["year"] = "year_established",
        ["城市英文名"] = "city_en", ["城市中文名"] = "city_zh", ["国家"] = "country", ["类别"] = "kind", ["结好年份"] = "year_established",
        ["结好日期"] = "established_on", ["状态"] = "status", ["终止日期"] = "ended_on", ["纬度"] = "latitude", ["经度"] = "longitude",
        ["备注"] = "notes", ["来源"] = "source", ["演示数据"] = "demo",
    };

    static readonly string[] Required = ["city_en", "country", "kind"];

    public static string CanonicalHeader(string header)
    {
        var h = header.Trim();
        return HeaderAliases.TryGetValue(h, out var canonical) ? canonical : h.ToLowerInvariant();
    }

    /// <param name="file">The file's name, as problems name it.</param>
    /// <param name="header">The first row.</param>
    /// <param name="rows">The data rows, each with its row number in the file.</param>
    /// <param name="existing">(country code, English name) of partners already stored, to refuse duplicates.</param>
    public static PartnerRowsResult Validate(string file, IReadOnlyList<string> header, IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows,
        CountryCatalog countries, IEnumerable<(string CountryCode, string NameEn)> existing)
    {
        var problems = new List<CellProblem>();
        var columns = header.Select(CanonicalHeader).ToList();
        foreach (var missing in Required.Where(r => !columns.Contains(r)))
        {
            problems.Add(new CellProblem(file, 1, missing, NetworkMessages.Format("Problem.MissingColumn")));
        }
        if (problems.Count > 0) return new PartnerRowsResult([], problems);

        var stored = existing.Select(e => Key(e.CountryCode, e.NameEn)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var drafts = new List<PartnerDraft>();
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string column)
            {
                var i = columns.IndexOf(column);
                return i < 0 || i >= cells.Count || string.IsNullOrWhiteSpace(cells[i]) ? null : cells[i].Trim();
            }
            void Bad(string column, string key, params object[] args) =>
                problems.Add(new CellProblem(file, row, column, NetworkMessages.Format(key, args)));

            var before = problems.Count;
            // The one input rule (Input/TextInput): no control characters, bidi overrides or half surrogates in any cell.
            foreach (var column in columns.Where((_, i) => i < cells.Count && Input.TextInput.Check(cells[i]) is not Input.TextProblem.None))
            {
                Bad(column, "Problem.BadText");
            }
            var nameEn = Cell("city_en");
            if (nameEn is null) Bad("city_en", "Problem.Required");

            var country = countries.Find(Cell("country"));
            if (Cell("country") is null) Bad("country", "Problem.Required");
            else if (country is null) Bad("country", "Problem.UnknownCountry", Cell("country")!);

            var kind = ParseKind(Cell("kind"));
            if (kind is null) Bad("kind", "Problem.Kind", Cell("kind") ?? "");

            int? year = null;
            if (Cell("year_established") is { } yearText)
            {
                if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100) year = y;
                else Bad("year_established", "Problem.Year", yearText);
            }
            var establishedOn = Date("established_on");
            if (establishedOn is { } on && year is { } yr && on.Year != yr) Bad("established_on", "Problem.YearMismatch", on.ToString("yyyy-MM-dd"), yr);
            year ??= establishedOn?.Year;

            var status = PartnerStatus.Active;
            if (Cell("status") is { } statusText)
            {
                if (ParseStatus(statusText) is { } s) status = s;
                else Bad("status", "Problem.Status", statusText);
            }
            var endedOn = Date("ended_on");
            if (endedOn is not null && Cell("status") is null) status = PartnerStatus.Ended;

            var latitude = Coordinate("latitude", 90);
            var longitude = Coordinate("longitude", 180);

            var demoText = Cell("demo");
            var isDemo = demoText is not null && demoText.ToLowerInvariant() is "demo" or "yes" or "true" or "1" or "是";

            if (nameEn is not null && country is not null)
            {
                var key = Key(country.Code, nameEn);
                if (stored.Contains(key)) Bad("city_en", "Problem.AlreadyStored", nameEn, country.NameEn);
                else if (seen.TryGetValue(key, out var first)) Bad("city_en", "Problem.Duplicate", nameEn, first);
                else seen[key] = row;
            }

            if (problems.Count == before)
            {
                drafts.Add(new PartnerDraft(row, nameEn!, Cell("city_zh"), country!.Code, kind!.Value, year, establishedOn, status, endedOn,
                    latitude, longitude, Cell("notes"), Cell("source"), isDemo));
            }

            DateOnly? Date(string column)
            {
                if (Cell(column) is not { } text) return null;
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                Bad(column, "Problem.Date", text);
                return null;
            }

            double? Coordinate(string column, double limit)
            {
                if (Cell(column) is not { } text) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= limit) return v;
                Bad(column, "Problem.Coordinate", text, limit);
                return null;
            }
        }
        return new PartnerRowsResult(problems.Count == 0 ? drafts : [], problems);
    }

    public static PartnerKind? ParseKind(string? text) => text?.Trim().Replace("（", "(").Replace("）", ")") switch
    {
        "国际友好城市" or "友好城市" or "SisterCity" or "sister city" => PartnerKind.SisterCity,
        "友好交流城市" or "友好交流城市(区)" or "友好交流城区" or "FriendlyExchange" or "friendly exchange city" => PartnerKind.FriendlyExchange,
        _ => null,
    };

    public static PartnerStatus? ParseStatus(string text) => text.Trim().ToLowerInvariant() switch
    {
        "active" or "有效" or "存续" => PartnerStatus.Active,
        "ended" or "已终止" or "终止" => PartnerStatus.Ended,
        _ => null,
    };

    /// <summary>The kind as the office writes it, which is also the value import accepts.</summary>
    public static string KindText(PartnerKind kind) => kind == PartnerKind.SisterCity ? "国际友好城市" : "友好交流城市";

    /// <summary>The row export writes for a partner, in <see cref="Columns"/> order.</summary>
    public static string?[] ToRow(Partner p, CountryCatalog countries) =>
    [
        p.NameEn, p.NameZh, countries.ByCode(p.CountryCode)?.NameEn ?? p.CountryCode, KindText(p.Kind),
        p.EstablishedYear?.ToString(CultureInfo.InvariantCulture), p.EstablishedOn?.ToString("yyyy-MM-dd"),
        p.Status == PartnerStatus.Active ? "active" : "ended", p.EndedOn?.ToString("yyyy-MM-dd"),
        p.Latitude?.ToString(CultureInfo.InvariantCulture), p.Longitude?.ToString(CultureInfo.InvariantCulture),
        p.Notes, p.Source, p.IsDemo ? "demo" : null,
    ];

    static string Key(string countryCode, string nameEn) => countryCode.ToUpperInvariant() + "|" + nameEn.Trim().ToUpperInvariant();
}
