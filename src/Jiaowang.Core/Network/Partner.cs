namespace Jiaowang.Core.Network;

/// <summary>The two kinds of relationship the office counts toward 国际友城和友好交流城市.</summary>
public enum PartnerKind
{
    /// <summary>国际友好城市: a sister city, by formal agreement.</summary>
    SisterCity = 0,
    /// <summary>友好交流城市(区): a friendly-exchange city or district.</summary>
    FriendlyExchange = 1,
}

public enum PartnerStatus
{
    Active = 0,
    /// <summary>The relationship was ended (Arnhem, 2021). Partners are never deleted; ended ones do not count.</summary>
    Ended = 1,
}

/// <summary>A partner city (友城) of Wuhan.</summary>
public class Partner
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public string? NameZh { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code of the partner's country, as in the shipped countries file.</summary>
    public required string CountryCode { get; set; }
    public PartnerKind Kind { get; set; }
    /// <summary>The year the relationship was established, when known; many sources give only the year.</summary>
    public int? EstablishedYear { get; set; }
    /// <summary>The exact day, when a source gives it.</summary>
    public DateOnly? EstablishedOn { get; set; }
    public PartnerStatus Status { get; set; }
    public DateOnly? EndedOn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Notes { get; set; }
    /// <summary>Where the relationship is documented: URLs, "demo" for generated rows, or who entered it.</summary>
    public string? Source { get; set; }
    /// <summary>Generated demonstration data (jiaowang partners demo), never a real relationship.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<GrassrootsPair> Pairs { get; set; } = [];
    public List<ExchangeProject> Projects { get; set; } = [];
    public List<PartnerChange> Changes { get; set; } = [];

    /// <summary>Counts toward the target: active, whatever its kind.</summary>
    public bool IsActive => Status == PartnerStatus.Active;
}

/// <summary>A grassroots pair (基层结对) under a partner city: districts, schools, hospitals, companies.</summary>
public class GrassrootsPair
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
    /// <summary>区际, 校际, 医院, 企业 …</summary>
    public required string Type { get; set; }
    public required string WuhanSide { get; set; }
    public required string PartnerSide { get; set; }
    public int? Year { get; set; }
}

/// <summary>An exchange project (交流项目) with one or more partner cities.</summary>
public class ExchangeProject
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    /// <summary>经贸, 科技, 文旅, 教育, 体育 …</summary>
    public required string Field { get; set; }
    /// <summary>The Wuhan units involved, as written.</summary>
    public string? Units { get; set; }
    public List<Partner> Partners { get; set; } = [];
}

/// <summary>One edit of a partner: who, when, and each changed field's value before and after (JSON).</summary>
public class PartnerChange
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    /// <summary>"created", "imported" or "edited".</summary>
    public required string Action { get; set; }
    /// <summary>{"Status":{"before":"Active","after":"Ended"}, …}</summary>
    public required string ChangesJson { get; set; }
}
