namespace Jiaowang.Web.Features.Units;

/// <summary>Marker for the units' strings: UnitsText.resx (Chinese, neutral) and UnitsText.en.resx.</summary>
public sealed class UnitsText;
