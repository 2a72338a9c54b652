namespace Jiaowang.Web.Features.Network;

/// <summary>Marker for the partner network's UI strings: NetworkText.resx (Chinese, neutral) and NetworkText.en.resx.</summary>
public sealed class NetworkText;
