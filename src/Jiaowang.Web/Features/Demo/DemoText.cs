namespace Jiaowang.Web.Features.Demo;

/// <summary>Marker for the demo banner's strings: DemoText.resx (Chinese, neutral) and DemoText.en.resx.</summary>
public sealed class DemoText;
