namespace Jiaowang.Core.Network;

/// <summary>What kind of international event it is; registry-bound targets count by category.</summary>
public enum EventCategory
{
    /// <summary>国际性展会</summary>
    Exhibition = 0,
    /// <summary>国际性会议、论坛</summary>
    Conference = 1,
    /// <summary>国际赛事</summary>
    Sports = 2,
    /// <summary>外国政要来访 / 出访</summary>
    Visit = 3,
    /// <summary>领事机构: a consulate opened or present in Wuhan</summary>
    Consulate = 4,
    Other = 5,
}

/// <summary>An international exhibition, conference, sports event, dignitary visit or consulate (国际交往活动).</summary>
public class InternationalEvent
{
    public int Id { get; set; }
    public EventCategory Category { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>ISO code of the country concerned (the visitor's, the consulate's), when there is one.</summary>
    public string? CountryCode { get; set; }
    /// <summary>For visits: who came (name and title).</summary>
    public string? Who { get; set; }
    /// <summary>For visits: 国家元首, 政府首脑, 部长级, 省市级 …</summary>
    public string? Level { get; set; }
    /// <summary>承办单位 / 接待单位.</summary>
    public string? HostUnit { get; set; }
    public string? Notes { get; set; }
    public string? Source { get; set; }
    public bool IsDemo { get; set; }
}
