namespace Jiaowang.Web.Features.Leadership;

/// <summary>Marker for the strings of the leading group, unit leaders' approval and publication: LeadershipText.resx (Chinese) and .en.resx.</summary>
public sealed class LeadershipText;
