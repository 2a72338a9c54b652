namespace Jiaowang.Web.Features.Supervision;

/// <summary>Marker for the supervision feature's strings: ReportsText.resx (Chinese, neutral) and ReportsText.en.resx.</summary>
public sealed class ReportsText;
