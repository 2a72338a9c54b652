namespace Jiaowang.Core.Services;

/// <summary>
/// A step-by-step guide (work permit, seeing a doctor…). Its text per language is a <see cref="ServiceGuideText"/> row;
/// Chinese (<c>zh</c>) is the original and always present. The guide belongs to a <see cref="PlaceCategory"/> so the unit
/// keeping that category (<see cref="ServiceCategoryUnit"/>) edits it too.
/// </summary>
public class ServiceGuide
{
    public int Id { get; set; }
    /// <summary>Its address: <c>/{lang}/services/guides/{slug}</c>.</summary>
    public required string Slug { get; set; }
    public PlaceCategory Category { get; set; }
    /// <summary>Keys of the directory places it links to, separated by commas.</summary>
    public string? PlaceKeys { get; set; }
    /// <summary>The public sources it was written from, as JSON: <c>[{"title":…,"url":…}]</c>.</summary>
    public string? Sources { get; set; }
    public bool Published { get; set; } = true;
    /// <summary>Bumped by every saved edit; the history keeps each version.</summary>
    public int Version { get; set; } = 1;
    public int Order { get; set; }
    public List<ServiceGuideText> Texts { get; set; } = [];
}

/// <summary>A guide in one language. Lists (what to bring, steps) are one item a line; a null field falls back to the Chinese.</summary>
public class ServiceGuideText
{
    public int Id { get; set; }
    public int GuideId { get; set; }
    public required string Lang { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Bring { get; set; }
    public string? Where { get; set; }
    public string? HowLong { get; set; }
    public string? Steps { get; set; }
}

/// <summary>A saved version of a guide (all languages, as JSON), for the office's history.</summary>
public class ServiceGuideVersion
{
    public int Id { get; set; }
    public int GuideId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
    public required string Snapshot { get; set; }
}
