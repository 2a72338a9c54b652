namespace Jiaowang.Core.Services;

/// <summary>What kind of place a foreign resident looks for (家在武汉 directory).</summary>
public enum PlaceCategory
{
    /// <summary>外籍人员子女学校</summary>
    School,
    /// <summary>国际化社区</summary>
    Community,
    /// <summary>开设国际医疗部的医院</summary>
    Hospital,
    /// <summary>办事大厅: 出入境, 外国人工作许可, 12345</summary>
    ServiceHall,
    /// <summary>驻汉领事机构</summary>
    Consulate,
    /// <summary>紧急电话</summary>
    Emergency,
}

/// <summary>
/// One entry of the directory. The Chinese text is the original and always present; other languages are
/// <see cref="PlaceTranslation"/> rows that may lack any field (the reader then sees the Chinese, marked).
/// </summary>
public class Place
{
    public int Id { get; set; }
    /// <summary>Stable key from the shipped seed file (e.g. <c>school-wyis</c>), so a re-import recognises the row.</summary>
    public required string Key { get; set; }
    public PlaceCategory Category { get; set; }
    /// <summary>A district of wuhan-districts.csv (江岸区…), or null for city-wide entries (emergency numbers).</summary>
    public string? District { get; set; }
    public required string NameZh { get; set; }
    public string? AddressZh { get; set; }
    public string? HoursZh { get; set; }
    public string? ServicesZh { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Phone { get; set; }
    /// <summary>Languages spoken, as codes separated by commas: <c>zh,en,fr</c>.</summary>
    public string? Languages { get; set; }
    public string? Website { get; set; }
    /// <summary>Where the facts come from (public URL); shown to the public.</summary>
    public string? Source { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    /// <summary>False while a fact (address, phone, hours) still awaits confirmation by the responsible unit.</summary>
    public bool Confirmed { get; set; }
    /// <summary>Only published places are shown to the public.</summary>
    public bool Published { get; set; } = true;
    /// <summary>Bumped by every saved edit; the history keeps each version.</summary>
    public int Version { get; set; } = 1;
    public List<PlaceTranslation> Translations { get; set; } = [];
}

/// <summary>A place's text in one foreign language; a null field falls back to the Chinese.</summary>
public class PlaceTranslation
{
    public int Id { get; set; }
    public int PlaceId { get; set; }
    public required string Lang { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Hours { get; set; }
    public string? Services { get; set; }
}

/// <summary>A saved version of a place (all languages, as JSON), for the office's history.</summary>
public class PlaceVersion
{
    public int Id { get; set; }
    public int PlaceId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
    public required string Snapshot { get; set; }
}

/// <summary>Which unit (教育局, 卫健委, 公安局出入境…) keeps a category current; its liaisons edit only those places.</summary>
public class ServiceCategoryUnit
{
    public PlaceCategory Category { get; set; }
    public int UnitId { get; set; }
}
